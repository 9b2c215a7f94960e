using System.Globalization;
using PassportQueue.Core.Bookings;
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
