namespace PassportQueue.Core.Blacklist;

/// <summary>Why a number was flagged.</summary>
public enum FlagReason
{
    /// <summary>A booking from this number was forfeited: the person did not come in time.</summary>
    NoShow = 0,

    /// <summary>The number tried to book an adult other than its owner.</summary>
    AnotherAdult = 1,

    /// <summary>The same person tried to book from several numbers.</summary>
    SeveralNumbers = 2,

    /// <summary>The number sent messages faster than any person would.</summary>
    MessageFlood = 3,

    /// <summary>An officer saw a prank or a scalper at the counter.</summary>
    Officer = 4,
}
