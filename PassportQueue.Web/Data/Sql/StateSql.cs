using System.Globalization;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Queue;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// States as they appear in conditions of hand-written SQL and in the partial indexes' filters, made
/// from the enums in this one place. They are literals on purpose: SQLite and PostgreSQL use a
/// partial index (one active booking per person, booked codes by deadline, pending outbox messages)
/// only when the query's condition provably implies the index's filter, and a bound parameter never
/// does; with one, the booking's active-person lookup scans the whole table. Values written
/// (<c>SET "State" = @to</c>) are parameters as usual.
/// </summary>
public static class StateSql
{
    /// <summary>The states that hold a person's one active place, as a list: <c>(0, 1)</c>.</summary>
    public static readonly string Active = List(Enum.GetValues<BookingState>().Where(BookingTransitions.IsActive));

    /// <summary>A code issued and not yet used.</summary>
    public static readonly string Booked = Number(BookingState.Booked);

    /// <summary>A voided booking's state.</summary>
    public static readonly string Voided = Number(BookingState.Voided);

    /// <summary>A checked-in applicant's state.</summary>
    public static readonly string Arrived = Number(BookingState.Arrived);

    /// <summary>A draw taking entries (or closed and not yet drawn).</summary>
    public static readonly string DrawOpen = Number(BallotDrawState.Open);

    /// <summary>A draw that has been run.</summary>
    public static readonly string DrawDrawn = Number(BallotDrawState.Drawn);

    /// <summary>An entry drawn for a place.</summary>
    public static readonly string Won = Number(DrawResult.Won);

    /// <summary>An entry not drawn: it waits in draw order for a freed place.</summary>
    public static readonly string NotDrawn = Number(DrawResult.NotDrawn);

    /// <summary>An offer of a freed place waiting for its <c>YA</c>.</summary>
    public static readonly string OfferPending = Number(OfferState.Pending);

    /// <summary>An offer taken.</summary>
    public static readonly string OfferAccepted = Number(OfferState.Accepted);

    /// <summary>An offer that ran out, or that Core refused when it was taken.</summary>
    public static readonly string OfferExpired = Number(OfferState.Expired);

    /// <summary>A counter's call of an applicant (not a recall or a skip): one per booking, by a partial unique index.</summary>
    public static readonly string Call = Number(CallKind.Call);

    /// <summary>An outbox message not yet sent, held or failed.</summary>
    public static readonly string OutboxPending = Number(OutboxStatus.Pending);

    /// <summary>A number with nothing against it.</summary>
    public static readonly string Clear = Number(PhoneStanding.Clear);

    /// <summary>A blacklisted number's standing.</summary>
    public static readonly string Blacklisted = Number(PhoneStanding.Blacklisted);

    private static string Number<TEnum>(TEnum value)
        where TEnum : struct, Enum => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string List(IEnumerable<BookingState> states) => "(" + string.Join(", ", states.Select(Number)) + ")";
}
