namespace PassportQueue.Core.Bookings;

/// <summary>Why a booking request was refused. Each has its own explanation for the applicant.</summary>
public enum RefusalReason
{
    /// <summary>The number is blacklisted.</summary>
    Blacklisted = 0,

    /// <summary>Booking messages are accepted only in the office's intake hours.</summary>
    OutsideIntakeHours = 1,

    /// <summary>The office needs a photo of the e-KTP with the message.</summary>
    IdPhotoMissing = 2,

    /// <summary>The birth date is after the arrival date or today.</summary>
    BirthDateInFuture = 3,

    /// <summary>The requested date is before the first bookable date (it has passed, or is today and the window starts later).</summary>
    DateInPast = 4,

    /// <summary>The requested date is beyond the booking window.</summary>
    DateOutsideWindow = 5,

    /// <summary>The office does not serve applicants on the requested date.</summary>
    OfficeClosed = 6,

    /// <summary>No places are left on the requested date.</summary>
    DayFull = 7,

    /// <summary>No places are left on any date in the window.</summary>
    NoPlacesInWindow = 8,

    /// <summary>The person already holds an active booking.</summary>
    PersonHasActiveBooking = 9,

    /// <summary>The number belongs to another adult.</summary>
    NumberBelongsToAnotherAdult = 10,

    /// <summary>The person already registered with another number.</summary>
    PersonUsesAnotherNumber = 11,

    /// <summary>The number has registered as many balita and lansia as allowed.</summary>
    TooManyDependants = 12,

    /// <summary>The requested date is today and every slot's check-in deadline has passed.</summary>
    NoSlotLeftToday = 13,

    /// <summary>The person has already entered this day's draw.</summary>
    AlreadyEntered = 14,

    /// <summary>The day's entry period has closed and its draw has not finished yet: its places are not given out first-come.</summary>
    DrawPending = 15,
}
