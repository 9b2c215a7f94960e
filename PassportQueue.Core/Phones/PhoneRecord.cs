
namespace PassportQueue.Core.Phones;

/// <summary>
/// What the office knows about one WhatsApp number: whose it is, how many balita and lansia it
/// registered, its no-shows, and its standing. Created when the number first books or is flagged.
/// </summary>
public sealed class PhoneRecord
{
    private PhoneRecord()
    {
    }

    /// <summary>The number, E.164; the key.</summary>
    public string Number { get; private set; } = string.Empty;

    /// <summary>Person key of the adult who owns the number (the first adult booked from it).</summary>
    public string? OwnerPersonKey { get; private set; }

    /// <summary>The owner's name as written.</summary>
    public string? OwnerName { get; private set; }

    /// <summary>How many different balita and lansia were registered from it.</summary>
    public int Dependants { get; private set; }

    /// <summary>How many of its bookings were forfeited.</summary>
    public int NoShows { get; private set; }

    /// <summary>Current standing.</summary>
    public PhoneStanding Standing { get; private set; }

    /// <summary>Why the standing last changed.</summary>
    public string? StandingReason { get; private set; }

    /// <summary>When the standing last changed (UTC).</summary>
    public DateTime? StandingChangedAtUtc { get; private set; }

    /// <summary>When the number first wrote (UTC).</summary>
    public DateTime FirstSeenUtc { get; private set; }
}
