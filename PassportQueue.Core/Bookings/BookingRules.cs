namespace PassportQueue.Core.Bookings;

/// <summary>Rules that hold across all offices, set per deployment.</summary>
public sealed record BookingRules
{
    /// <summary>How many different balita and lansia one number may register.</summary>
    public int MaxDependantsPerNumber { get; init; } = 3;

    /// <summary>Blacklist a number automatically after this many no-shows; 0 turns it off.</summary>
    public int AutoBlacklistAfterNoShows { get; init; } = 2;

    /// <summary>The highest weight in a ballot: 1 + draws lost in a row, at most this.</summary>
    public int BallotWeightCap { get; init; } = 3;

    /// <summary>How long an entrant offered a freed place has to accept it with <c>YA</c>, in minutes.</summary>
    public int OfferMinutes { get; init; } = 120;
}
