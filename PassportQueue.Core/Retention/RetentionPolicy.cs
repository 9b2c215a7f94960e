using System.Linq.Expressions;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Core.Retention;

/// <summary>
/// When a booking's personal data has served its purpose: a set time after the booking ended
/// (completed, returned or forfeited), it is pseudonymised. An active booking is never due.
/// </summary>
public static class RetentionPolicy
{
    /// <summary>The default time personal data is kept after a booking ended.</summary>
    public const int DefaultDays = 90;

    /// <summary>Bookings that ended before this moment are due.</summary>
    public static DateTime CutoffUtc(DateTime nowUtc, int days) => nowUtc.AddDays(-days);

    /// <summary>
    /// The bookings due at <paramref name="cutoffUtc"/>: still holding their personal data, and ended
    /// (not active, see <see cref="BookingTransitions.IsActive"/>) before the cutoff. An expression, so the
    /// database selects them and guards the claim with the same rule.
    /// </summary>
    public static Expression<Func<Booking, bool>> Due(DateTime cutoffUtc) =>
        b => b.PseudonymisedAtUtc == null && b.UpdatedAtUtc < cutoffUtc && b.State != BookingState.Booked && b.State != BookingState.Arrived;
}
