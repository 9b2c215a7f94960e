namespace PassportQueue.Core.Phones;

/// <summary>How the office regards a WhatsApp number.</summary>
public enum PhoneStanding
{
    /// <summary>Nothing against it.</summary>
    Clear = 0,

    /// <summary>Something suspicious was seen; a supervisor decides.</summary>
    Flagged = 1,

    /// <summary>Books nothing until a supervisor lifts it.</summary>
    Blacklisted = 2,
}
