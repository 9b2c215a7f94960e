using System.Data.Common;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>The one query shape every store uses to read a booking as a <see cref="BookingView"/>.</summary>
internal static class BookingRows
{
    public const string Select = """
        SELECT b."Code" AS "Code", o."Code" AS "OfficeCode", b."Name" AS "Name", b."BirthDate" AS "BirthDate", b."AgeGroup" AS "AgeGroup",
               b."IsOwner" AS "IsOwner", b."Date" AS "Date", b."SlotIndex" AS "SlotIndex", b."SlotStartUtc" AS "SlotStartUtc",
               b."CheckInDeadlineUtc" AS "CheckInDeadlineUtc", b."State" AS "State", b."Id" AS "Id", b."Phone" AS "Phone", b."OfficeId" AS "OfficeId"
        FROM "Bookings" b JOIN "Offices" o ON o."Id" = b."OfficeId"
        """;

    public static BookingView Map(DbDataReader r) => new(
        r.Get<string>("Code"),
        r.Get<string>("OfficeCode"),
        r.Get<string>("Name"),
        r.Get<DateOnly>("BirthDate"),
        r.GetEnum<AgeGroup>("AgeGroup"),
        r.Get<bool>("IsOwner"),
        r.Get<DateOnly>("Date"),
        r.Get<int>("SlotIndex"),
        r.GetUtc("SlotStartUtc"),
        r.GetUtc("CheckInDeadlineUtc"),
        r.GetEnum<BookingState>("State"));

    /// <summary>A booking with its key and number, for writes that follow the read.</summary>
    public static StoredBooking MapWithKey(DbDataReader r) => new(r.Get<long>("Id"), r.Get<string>("Phone"), r.Get<int>("OfficeId"), Map(r));
}

/// <summary>A booking as read for a write: its key, number and office beside what is shown of it.</summary>
internal sealed record StoredBooking(long Id, string Phone, int OfficeId, BookingView View);
