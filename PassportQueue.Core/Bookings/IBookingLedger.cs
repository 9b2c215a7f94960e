using PassportQueue.Core.Audit;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// Stored state changes of bookings after they are issued. Each change is conditional on the
/// state it starts from, atomic with its audit line, and durable when the task completes.
/// </summary>
public interface IBookingLedger
{
    /// <summary>A booking by its code, or null.</summary>
    Task<BookingView?> FindAsync(BookingCode code, CancellationToken cancellationToken);

    /// <summary>Booked -> Arrived, only while the check-in deadline has not passed at <paramref name="nowUtc"/>; gives a queue number and records how the code was entered.</summary>
    Task<LedgerChange> MarkArrivedAsync(BookingCode code, CodeEntry entry, Actor actor, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Arrived -> Completed.</summary>
    Task<LedgerChange> CompleteAsync(BookingCode code, Actor actor, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Arrived -> Returned, with the reason the documents were refused.</summary>
    Task<LedgerChange> ReturnAsync(BookingCode code, string reason, Actor actor, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Booked -> Forfeited, only once the deadline has passed at <paramref name="nowUtc"/>;
    /// counts a no-show against the number, flags it, and blacklists it after the rules' limit.
    /// </summary>
    Task<LedgerChange> ForfeitAsync(BookingCode code, string reason, Actor actor, DateTime nowUtc, BookingRules rules, CancellationToken cancellationToken);

    /// <summary>Codes still Booked whose deadline passed before <paramref name="nowUtc"/>, for one office or all.</summary>
    Task<IReadOnlyList<BookingCode>> LateCodesAsync(string? officeCode, DateTime nowUtc, CancellationToken cancellationToken);
}
