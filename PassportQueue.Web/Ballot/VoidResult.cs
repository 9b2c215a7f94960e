namespace PassportQueue.Web.Ballot;

/// <summary>What a supervisor's void did.</summary>
public enum VoidResult
{
    /// <summary>Voided; its place was offered to the next entrant of the day's draw.</summary>
    VoidedAndOffered,

    /// <summary>Voided; nobody in the day's draw order is left to offer the place to (or the day had no draw).</summary>
    VoidedNotOffered,

    /// <summary>No booking with that code at the supervisor's office.</summary>
    NotFound,

    /// <summary>Only a booking still waiting for its day (booked, not arrived) is voided.</summary>
    NotBooked,

    /// <summary>Only a blacklisted number's booking is voided.</summary>
    NotBlacklisted,

    /// <summary>A void needs a reason.</summary>
    ReasonRequired,
}
