namespace PassportQueue.Core.Rings;

/// <summary>What a ring signal saw.</summary>
public enum SignalKind
{
    /// <summary>One e-KTP photo (by its perceptual hash) with different identities or from different numbers.</summary>
    SamePhoto = 0,

    /// <summary>One address on bookings of different people from more different numbers in a day than a household has.</summary>
    SameAddress = 1,

    /// <summary>A number that registered dependants up to its cap and kept trying.</summary>
    DependantsAtCap = 2,

    /// <summary>A number whose dependants' ages cluster just inside the balita or lansia limit.</summary>
    DependantAgesAtLimits = 3,

    /// <summary>Many new numbers that each sent exactly one booking message within seconds of a release and nothing else.</summary>
    ReleaseBurst = 4,

    /// <summary>New numbers in a consecutive series (SIM cards bought in a batch).</summary>
    NumberSeries = 5,

    /// <summary>A number or an address whose bookings are forfeited far more often than the office's average.</summary>
    NoShowRate = 6,

    /// <summary>The same birth date and a name one edit apart (<c>RINA</c> / <c>RINI</c>): possibly the same person.</summary>
    PossibleSamePerson = 7,
}

/// <summary>What a node of a ring is.</summary>
public enum NodeKind
{
    /// <summary>A WhatsApp number (E.164).</summary>
    Number = 0,

    /// <summary>A person's identity (name and birth date key).</summary>
    Identity = 1,

    /// <summary>A normalised address.</summary>
    Address = 2,

    /// <summary>An e-KTP photo, by its perceptual hash.</summary>
    Photo = 3,
}

/// <summary>A node of a ring: a number, an identity, an address or a photo.</summary>
public readonly record struct RingNode(NodeKind Kind, string Key)
{
    /// <summary>A number node.</summary>
    public static RingNode Number(string e164) => new(NodeKind.Number, e164);

    /// <summary>An identity node.</summary>
    public static RingNode Identity(string personKey) => new(NodeKind.Identity, personKey);

    /// <summary>An address node (already normalised by <see cref="AddressKey.For"/>).</summary>
    public static RingNode Address(string addressKey) => new(NodeKind.Address, addressKey);

    /// <summary>A photo node.</summary>
    public static RingNode Photo(ulong hash) => new(NodeKind.Photo, PhotoHash.Format(hash));
}

/// <summary>An edge a signal draws between two nodes; a signal about one node alone has an edge from it to itself.</summary>
public readonly record struct RingEdge(RingNode From, RingNode To);

/// <summary>One booking (or refused request) as the signals see it.</summary>
/// <param name="Code">The booking code, or null for a refused request.</param>
/// <param name="Phone">The registering number.</param>
/// <param name="PersonKey">The identity.</param>
/// <param name="Name">The name as written.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Address">The address as written (offices that ask for one).</param>
/// <param name="IsDependant">A balita or lansia on someone else's number.</param>
/// <param name="Date">The appointment day.</param>
/// <param name="Forfeited">Whether the code was forfeited (a no-show).</param>
/// <param name="AtUtc">When the message came.</param>
/// <param name="LocalDay">The office-local day the message came.</param>
/// <param name="PhotoHash">The e-KTP photo's perceptual hash, when one came.</param>
public sealed record BookingFact(
    string? Code,
    string Phone,
    string PersonKey,
    string Name,
    DateOnly BirthDate,
    string? Address,
    bool IsDependant,
    DateOnly Date,
    bool Forfeited,
    DateTime AtUtc,
    DateOnly LocalDay,
    ulong? PhotoHash);

/// <summary>What a number sent, as the burst and series signals see it.</summary>
/// <param name="Phone">The number.</param>
/// <param name="FirstSeenUtc">When it first wrote.</param>
/// <param name="Messages">How many messages it sent in all.</param>
/// <param name="Bookings">How many of them were booking requests (well-formed or not).</param>
public sealed record NumberActivity(string Phone, DateTime FirstSeenUtc, int Messages, int Bookings);

/// <summary>
/// A signal found, with its evidence: the key that makes it the same signal when it is found
/// again, the edges it draws, the bookings behind it, and the figures its text shows.
/// </summary>
/// <param name="Kind">What was seen.</param>
/// <param name="Key">Stable identity of the signal (the same ring seen in a later scan has the same key).</param>
/// <param name="Edges">The nodes it links.</param>
/// <param name="Evidence">The bookings and requests behind it.</param>
/// <param name="Figures">Kind-specific figures for its text (counts, thresholds, rates), invariant culture.</param>
public sealed record DetectedSignal(SignalKind Kind, string Key, IReadOnlyList<RingEdge> Edges, IReadOnlyList<EvidenceLine> Evidence, IReadOnlyList<string> Figures);

/// <summary>One line of a signal's evidence: which booking or message, from which number, when.</summary>
public sealed record EvidenceLine(string? Code, string Phone, string Name, DateOnly BirthDate, string? Address, DateTime AtUtc);

/// <summary>The thresholds of the signals, set per deployment (<c>Rings:…</c>).</summary>
public sealed record RingRules
{
    /// <summary>Days of bookings a scan looks at.</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>Photos whose hashes differ in at most this many of 64 bits are the same photo.</summary>
    public int PhotoDistance { get; init; } = 10;

    /// <summary>Different numbers booking different people at one address in one day, above which it is a signal (a household has a few phones).</summary>
    public int NumbersPerAddressPerDay { get; init; } = 3;

    /// <summary>Refusals for the dependant cap, once at it, from which it is a signal.</summary>
    public int DependantCapRetries { get; init; } = 2;

    /// <summary>Days inside an age limit (under 5, from 60) that count as "at the limit".</summary>
    public int AgeLimitDays { get; init; } = 60;

    /// <summary>Dependants at the limits on one number from which it is a signal.</summary>
    public int DependantsAtLimits { get; init; } = 2;

    /// <summary>Seconds after a release in which a first message counts for a burst.</summary>
    public int BurstSeconds { get; init; } = 60;

    /// <summary>New one-message numbers in one release's first seconds from which it is a burst.</summary>
    public int BurstNumbers { get; init; } = 10;

    /// <summary>Consecutive new numbers from which it is a series.</summary>
    public int SeriesLength { get; init; } = 3;

    /// <summary>Bookings a number or address needs before its no-show rate is judged.</summary>
    public int NoShowMinBookings { get; init; } = 3;

    /// <summary>How many times the office's no-show rate it takes (and at least half of its bookings).</summary>
    public double NoShowFactor { get; init; } = 2.0;
}

/// <summary>A supervisor's one decision for a whole ring.</summary>
public enum RingDecision
{
    /// <summary>The chosen numbers (all, or a pick) are blacklisted; the rest are cleared.</summary>
    Blacklist = 0,

    /// <summary>Not scalpers: every number is cleared.</summary>
    Clear = 1,
}
