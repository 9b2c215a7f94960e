using PassportQueue.Core.Bookings;

namespace PassportQueue.Core.Blacklist;

/// <summary>What a forfeited code means for the number that registered it.</summary>
public static class NoShowPolicy
{
    /// <summary>Every no-show flags the number for supervisors.</summary>
    public const FlagReason Flag = FlagReason.NoShow;

    /// <summary>Whether a number with this many no-shows (this one counted) is blacklisted now; the rules' limit 0 never blacklists.</summary>
    public static bool Blacklists(int noShows, BookingRules rules) =>
        rules.AutoBlacklistAfterNoShows > 0 && noShows >= rules.AutoBlacklistAfterNoShows;
}
