namespace PassportQueue.Core.Bookings;

/// <summary>
/// A place in an office's queue, as stored. Bookings are never deleted: they move through
/// <see cref="BookingState"/> and every move is audited.
/// </summary>
public sealed class Booking
{
    private Booking()
    {
    }

    /// <summary>Database key.</summary>
    public long Id { get; private set; }

    /// <summary>The code the applicant shows at the office, canonical form.</summary>
    public string Code { get; private set; } = string.Empty;

    /// <summary>The office booked.</summary>
    public int OfficeId { get; private set; }

    /// <summary>The registering WhatsApp number, E.164.</summary>
    public string Phone { get; private set; } = string.Empty;

    /// <summary>Normalised name and birth date: one active booking per key.</summary>
    public string PersonKey { get; private set; } = string.Empty;

    /// <summary>Name as written, tidied.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Date of birth.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Home address, for offices whose format asks for it.</summary>
    public string? Address { get; private set; }

    /// <summary>Age group on the booked date.</summary>
    public AgeGroup AgeGroup { get; private set; }

    /// <summary>Whether the applicant is the owner of the registering number (else a balita or lansia dependant).</summary>
    public bool IsOwner { get; private set; }

    /// <summary>Whether the place came from the office's priority share.</summary>
    public bool IsPriority { get; private set; }

    /// <summary>Office-local date of the appointment.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The place's number in its day, from 1, in the order places were taken; unique per office day.</summary>
    public int DayPlace { get; private set; }

    /// <summary>Slot number within the day, from 0.</summary>
    public int SlotIndex { get; private set; }

    /// <summary>When the slot starts (UTC).</summary>
    public DateTime SlotStartUtc { get; private set; }

    /// <summary>Last moment to check in (UTC); later the code is forfeited.</summary>
    public DateTime CheckInDeadlineUtc { get; private set; }

    /// <summary>Current state.</summary>
    public BookingState State { get; private set; }

    /// <summary>Why the booking reached its current state, where a reason is given.</summary>
    public string? StateReason { get; private set; }

    /// <summary>Queue number given at check-in.</summary>
    public int? QueueNumber { get; private set; }

    /// <summary>How the code was entered at check-in (typed or scanned); null before check-in.</summary>
    public CodeEntry? CheckInEntry { get; private set; }

    /// <summary>The incoming message that made this booking.</summary>
    public string? MessageId { get; private set; }

    /// <summary>When the code was issued (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the state last changed (UTC).</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When the retention replaced the name, birth date, address and number with pseudonyms (UTC); null while they are kept.</summary>
    public DateTime? PseudonymisedAtUtc { get; private set; }

    /// <summary>Whether the booking still holds the person's active place.</summary>
    public bool IsActive => BookingTransitions.IsActive(State);
}
