using System.Text.Json.Serialization;
using PassportQueue.Core.Messages;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// The one outcome of one incoming message. Stored with the message so that a retried delivery
/// gets exactly the same answer; turned into the applicant's reply in one place.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BookingConfirmed), "booked")]
[JsonDerivedType(typeof(BookingRefused), "refused")]
[JsonDerivedType(typeof(FormatRejected), "format")]
[JsonDerivedType(typeof(CommandAnswered), "command")]
[JsonDerivedType(typeof(NotAccepted), "not-accepted")]
[JsonDerivedType(typeof(Throttled), "throttled")]
[JsonDerivedType(typeof(EntryReceived), "entered")]
[JsonDerivedType(typeof(EntryNotOpen), "not-released")]
[JsonDerivedType(typeof(ReportReceived), "reported")]
[JsonDerivedType(typeof(CodeChecked), "code-checked")]
[JsonDerivedType(typeof(QueueAnswered), "queue")]
[JsonDerivedType(typeof(ChoiceExpired), "choice-expired")]
public abstract record MessageOutcome;

/// <summary>A tapped date button (<see cref="DateChoice"/>) that no longer works: too late, from another number, or for a request that is gone.</summary>
public sealed record ChoiceExpired : MessageOutcome;

/// <summary>A booking code was issued.</summary>
public sealed record BookingConfirmed(BookingView Booking) : MessageOutcome;

/// <summary>A well-formed request that the rules refuse.</summary>
/// <param name="Reason">Which rule.</param>
/// <param name="NextDates">Dates that still have places, where that helps the applicant.</param>
/// <param name="ExistingCode">The applicant's own active code, when they already hold one from this number.</param>
public sealed record BookingRefused(RefusalReason Reason, IReadOnlyList<DateOnly> NextDates, string? ExistingCode = null)
    : MessageOutcome
{
    /// <summary>Whether the refusal is about the day asked for, so the reply offers <see cref="NextDates"/> (as text, and as buttons where configured).</summary>
    [JsonIgnore]
    public bool OffersDates => Reason is RefusalReason.DateInPast or RefusalReason.DateOutsideWindow or RefusalReason.OfficeClosed or RefusalReason.DayFull
        or RefusalReason.NoSlotLeftToday;
}

/// <summary>A message that tried to be a booking but could not be read.</summary>
public sealed record FormatRejected(ParseProblem Problem, int FieldCount) : MessageOutcome;

/// <summary>A keyword command, with the applicant's active bookings (and, for <see cref="Command.Status"/>, their draw entries still ahead).</summary>
public sealed record CommandAnswered(Command Command, IReadOnlyList<BookingView> Bookings, IReadOnlyList<EntryStanding>? Entries = null) : MessageOutcome;

/// <summary>An entry in a day's draw, as <c>CEK</c> tells it: no personal data, only the entry and its draw.</summary>
/// <param name="EntryCode">The entry code given in the entry reply.</param>
/// <param name="Date">The day the draw is for.</param>
/// <param name="DrawAtUtc">When its entry period closes and the draw runs.</param>
/// <param name="Won">Null until the draw has run; then whether the entry was drawn.</param>
/// <param name="Rank">Its place in the draw order, once drawn.</param>
/// <param name="Entrants">How many entered that draw, once drawn.</param>
public sealed record EntryStanding(string EntryCode, DateOnly Date, DateTime DrawAtUtc, bool? Won, int? Rank, int? Entrants);

/// <summary>Nothing this service can act on: the office number, the sender or the message id is not valid. Not stored.</summary>
public sealed record NotAccepted(NotAcceptedReason Why) : MessageOutcome;

/// <summary>Why a delivery could not be handled at all.</summary>
public enum NotAcceptedReason
{
    /// <summary>Sent to a number that is no office's.</summary>
    UnknownOfficeNumber = 0,

    /// <summary>The sender is not a phone number.</summary>
    InvalidSender = 1,

    /// <summary>No message id, or one longer than is stored.</summary>
    InvalidMessageId = 2,
}

/// <summary>The sender wrote faster than a person does: told once, then ignored for a while. Not stored.</summary>
public sealed record Throttled : MessageOutcome;

/// <summary>An entry in a day's draw (an office with a ballot): speed does not matter, the result comes by WhatsApp.</summary>
/// <param name="Date">The day drawn for.</param>
/// <param name="EntryCode">The entry's public, pseudonymous id, as the draw's list shows it.</param>
/// <param name="DrawAtUtc">When the entry period closes and the draw runs.</param>
/// <param name="Weight">The entry's weight: 1 + the draws lost in a row before it.</param>
public sealed record EntryReceived(DateOnly Date, string EntryCode, DateTime DrawAtUtc, int Weight) : MessageOutcome;

/// <summary>A request for a day not released yet: when its entry period opens.</summary>
public sealed record EntryNotOpen(DateOnly Date, DateTime OpensUtc) : MessageOutcome;

/// <summary><c>LAPOR</c>: the applicant's report of a scalper was stored for supervisors, under this number.</summary>
public sealed record ReportReceived(long ReportId) : MessageOutcome;

/// <summary>
/// <c>KODE</c>: what a code is, without anything about the person who holds it.
/// </summary>
/// <param name="Code">The code as read (canonical when it is a code at all).</param>
/// <param name="Standing">Whether it is genuine and still valid.</param>
/// <param name="OfficeName">The office it is for, when genuine.</param>
/// <param name="Date">The appointment day, when genuine.</param>
public sealed record CodeChecked(string Code, CodeStanding Standing, string? OfficeName, DateOnly? Date) : MessageOutcome;

/// <summary>What <c>KODE</c> can say about a code.</summary>
public enum CodeStanding
{
    /// <summary>Not shaped like a booking code at all.</summary>
    NotACode = 0,

    /// <summary>Shaped like one, but no booking has it: not issued by this service.</summary>
    Unknown = 1,

    /// <summary>Genuine and still valid: booked, not yet used.</summary>
    Valid = 2,

    /// <summary>Genuine, but already used at the counter (completed or returned).</summary>
    Used = 3,

    /// <summary>Genuine, but no longer valid: forfeited or voided.</summary>
    NoLongerValid = 4,

    /// <summary>Genuine, and used today: its holder checked in at the counter (waiting or being served), so a copy of it is worth nothing.</summary>
    UsedToday = 5,
}

/// <summary><c>ANTREAN</c>: where each of the sender's bookings at the office stands in today's queue.</summary>
/// <param name="Today">The office's day when it was asked.</param>
/// <param name="Standings">The bookings.</param>
/// <param name="Serving">What each counter serves now (today only).</param>
public sealed record QueueAnswered(DateOnly Today, IReadOnlyList<QueueStanding> Standings, IReadOnlyList<CounterServing> Serving) : MessageOutcome;

/// <summary>One booking's place in the queue.</summary>
/// <param name="Code">The booking code.</param>
/// <param name="Date">Its day.</param>
/// <param name="State">Where it stands.</param>
/// <param name="SlotStartUtc">Its slot.</param>
/// <param name="CheckInDeadlineUtc">Its check-in deadline.</param>
/// <param name="QueueNumber">Its queue number, once checked in.</param>
/// <param name="Ahead">How many checked-in applicants are called before it, while it waits.</param>
/// <param name="CalledTo">The counter it was called to, once called.</param>
/// <param name="Skipped">Whether the counter gave up on it after calling (the applicant did not come): not called again, served at the desk by its code.</param>
public sealed record QueueStanding(
    string Code, DateOnly Date, BookingState State, DateTime SlotStartUtc, DateTime CheckInDeadlineUtc, int? QueueNumber, int? Ahead, string? CalledTo,
    bool Skipped = false);

/// <summary>The number a counter serves now.</summary>
public sealed record CounterServing(string Counter, int Number);
