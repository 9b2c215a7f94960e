using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Web.Data.Records;

/// <summary>Where a day's draw stands.</summary>
public enum BallotDrawState
{
    /// <summary>Committed to (its seed's hash is published when entries open), taking entries until it closes.</summary>
    Open = 0,

    /// <summary>Drawn: results, bookings and notices made, the seed published. Never drawn again.</summary>
    Drawn = 1,
}

/// <summary>
/// One office day's draw: the commitment to its secret seed (made before entries open), the entry
/// period, and after the draw its places, entrants, winners and the seed. One per office and day.
/// </summary>
public sealed class BallotDrawRecord
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The seed, encrypted with the data-protection keys until the draw publishes it.</summary>
    public string ProtectedSeed { get; set; } = string.Empty;

    /// <summary>SHA-256 of the seed (hex): public from the release on.</summary>
    public string Commitment { get; set; } = string.Empty;

    /// <summary>The seed in hex, once drawn; null before.</summary>
    public string? Seed { get; set; }

    public DateTime OpensAtUtc { get; set; }

    public DateTime ClosesAtUtc { get; set; }

    public BallotDrawState State { get; set; }

    public int PriorityPlaces { get; set; }

    public int OpenPlaces { get; set; }

    public int Entrants { get; set; }

    public int Winners { get; set; }

    public DateTime? DrawnAtUtc { get; set; }

    public string? DrawnBy { get; set; }
}

/// <summary>
/// One person's entry in one draw: what a booking would hold (to book the winner with every rule a
/// booking has), its public pseudonymous code, its weight, and after the draw its rank and result.
/// </summary>
public sealed class BallotEntryRecord
{
    public long Id { get; set; }

    public long DrawId { get; set; }

    public string EntryCode { get; set; } = string.Empty;

    public string PersonKey { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public string? Address { get; set; }

    public AgeGroup AgeGroup { get; set; }

    public bool IsOwner { get; set; }

    public int Weight { get; set; }

    public string MessageId { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Place in the draw order, from 1; null before the draw.</summary>
    public int? Rank { get; set; }

    /// <summary>What the draw gave; null before the draw.</summary>
    public DrawResult? Result { get; set; }

    /// <summary>The winner's booking; null for one not drawn, or a winner who held another booking by then.</summary>
    public long? BookingId { get; set; }
}

/// <summary>A person's luck so far, by their identity's pseudonym: draws entered and lost in a row (the weight's source).</summary>
public sealed class BallotStanding
{
    public string PersonKey { get; set; } = string.Empty;

    public int LostInARow { get; set; }
}

/// <summary>Where an offer of a freed place stands.</summary>
public enum OfferState
{
    /// <summary>Sent; waiting for the entrant's <c>YA</c> until it expires.</summary>
    Pending = 0,

    /// <summary>Taken: the entrant has the place.</summary>
    Accepted = 1,

    /// <summary>Ran out; the place went on to the next entrant.</summary>
    Expired = 2,
}

/// <summary>
/// A freed place (a voided booking's) offered to one entrant of the day's draw, the next in draw order
/// without a booking. One offer per entrant; at most one live offer per freed place.
/// </summary>
public sealed class BallotOfferRecord
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    /// <summary>The voided booking whose place is offered.</summary>
    public long FreedBookingId { get; set; }

    public DateTime OfferedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public OfferState State { get; set; }

    /// <summary>The booking made when the offer was taken.</summary>
    public long? BookingId { get; set; }
}
