using System.Data.Common;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Web.Data.Stores;

/// <summary>The one query shape every store uses to read a booking as a <see cref="BookingView"/>.</summary>
internal static class BookingRows
{
    public const string Select = """
        SELECT b."Code", o."Code", b."Name", b."BirthDate", b."AgeGroup", b."IsOwner", b."Date", b."SlotIndex",
               b."SlotStartUtc", b."CheckInDeadlineUtc", b."State", b."Id", b."Phone", b."OfficeId"
        FROM "Bookings" b JOIN "Offices" o ON o."Id" = b."OfficeId"
        """;

    public static BookingView Map(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetFieldValue<DateOnly>(3),
        (AgeGroup)r.GetInt32(4),
        r.GetBoolean(5),
        r.GetFieldValue<DateOnly>(6),
        r.GetInt32(7),
        DateTime.SpecifyKind(r.GetDateTime(8), DateTimeKind.Utc),
        DateTime.SpecifyKind(r.GetDateTime(9), DateTimeKind.Utc),
        (BookingState)r.GetInt32(10));

    /// <summary>A booking with its key and number, for writes that follow the read.</summary>
    public static (long Id, string Phone, int OfficeId, BookingView View) MapWithKey(DbDataReader r) =>
        (r.GetInt64(11), r.GetString(12), r.GetInt32(13), Map(r));
}
