namespace PassportQueue.Core.Messages;

/// <summary>Why a booking message could not be read; each has its own explanation for the applicant.</summary>
public enum ParseProblem
{
    /// <summary>The message is longer than any booking could be.</summary>
    TooLong = 0,

    /// <summary>Not the three fields the format asks for.</summary>
    WrongFieldCount = 1,

    /// <summary>The name field is empty.</summary>
    NameMissing = 2,

    /// <summary>The name has digits or symbols, or is too short or too long.</summary>
    NameInvalid = 3,

    /// <summary>The birth date is not a ddMMyyyy date.</summary>
    BirthDateInvalid = 4,

    /// <summary>The birth date is a real date format but no such day exists (e.g. 31022000).</summary>
    BirthDateNotACalendarDay = 5,

    /// <summary>The arrival date is not a ddMMyyyy date.</summary>
    ArrivalDateInvalid = 6,

    /// <summary>The arrival date has the right shape but no such day exists.</summary>
    ArrivalDateNotACalendarDay = 7,

    /// <summary>The address field is empty or too short to be an address.</summary>
    AddressInvalid = 8,

    /// <summary>The name has letters of another script (Cyrillic, Greek, …), even ones that look Latin: the e-KTP writes names in Latin letters.</summary>
    NameOtherScript = 9,
}
