using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// Durable storage for the booking engine. Every write is atomic and durable when its task
/// completes, and the database itself enforces the invariants, so they hold with concurrent
/// requests and several processes on one database.
/// </summary>
public interface IBookingStore
{
    /// <summary>
    /// Stores a message with an outcome decided without a booking. If the message id is
    /// already stored, nothing changes and the stored outcome is returned.
    /// </summary>
    Task<MessageOutcome> RecordAsync(IncomingRecord message, MessageOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the stored-data rules to a plan and, if they pass, issues a code in the first
    /// date and slot with a place. Stores the message with its outcome in the same transaction;
    /// a message id already stored returns its stored outcome and changes nothing.
    /// </summary>
    Task<MessageOutcome> BookAsync(IncomingRecord message, BookingPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the same stored-data rules to a plan and, if they pass, enters the applicant in the draw
    /// of the plan's one day (one entry per person and draw), in its entry <paramref name="period"/>.
    /// Stores the message with its outcome in the same transaction, as <see cref="BookAsync"/> does.
    /// </summary>
    Task<MessageOutcome> EnterAsync(IncomingRecord message, BookingPlan plan, Ballot.EntryRoute period, CancellationToken cancellationToken);

    /// <summary>
    /// <c>YA</c>: books the freed place offered to the sender's number, if an offer is pending and not
    /// expired; otherwise answers the command with nothing to take. Stores the message with its outcome.
    /// </summary>
    Task<MessageOutcome> AcceptOfferAsync(IncomingRecord message, CancellationToken cancellationToken);

    /// <summary>Which of the days still have a place for a regular or a priority applicant (<see cref="DayPlaces"/>), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DateOnly>> DatesWithPlacesAsync(
        int officeId, IReadOnlyList<DayPlan> days, bool priority, int max, CancellationToken cancellationToken);

    /// <summary>A number's entries in the draws of days from <paramref name="from"/> on, with their results once drawn.</summary>
    Task<IReadOnlyList<EntryStanding>> EntriesAsync(PhoneNumber phone, DateOnly from, CancellationToken cancellationToken);

    /// <summary>Active bookings registered from a number.</summary>
    Task<IReadOnlyList<BookingView>> ActiveBookingsAsync(PhoneNumber phone, CancellationToken cancellationToken);

    /// <summary><c>LAPOR</c>: stores an applicant's report of a scalper with the reporter's number, and the message with its outcome, in one transaction.</summary>
    Task<MessageOutcome> ReportAsync(IncomingRecord message, string text, CancellationToken cancellationToken);

    /// <summary>The booking with this code, or null when no booking has it.</summary>
    Task<BookingView?> FindCodeAsync(BookingCode code, CancellationToken cancellationToken);

    /// <summary><c>ANTREAN</c>: the sender's active and today's bookings at the office, each with its place in today's queue, and what each counter serves now.</summary>
    Task<QueueAnswered> QueueAsync(Offices.Office office, PhoneNumber phone, DateOnly today, CancellationToken cancellationToken);
}
