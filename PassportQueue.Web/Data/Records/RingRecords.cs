namespace PassportQueue.Web.Data.Records;

/// <summary>
/// A ring signal as stored: what was seen, the key that makes a later scan find the same signal,
/// its evidence (JSON of <see cref="Core.Rings.EvidenceLine"/> and figures), and a supervisor's
/// decision on its ring. Never deleted; a decided signal that gains new members opens again.
/// </summary>
public sealed class RingSignalRecord
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public Core.Rings.SignalKind Kind { get; set; }

    public string Key { get; set; } = string.Empty;

    public string Evidence { get; set; } = string.Empty;

    public DateTime FirstSeenUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public Core.Rings.RingDecision? Decision { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>When the retention replaced the names, birth dates, addresses and identities of its evidence with pseudonyms; null while kept.</summary>
    public DateTime? PseudonymisedAtUtc { get; set; }
}

/// <summary>One edge a signal draws between two nodes (numbers, identities, addresses, photos).</summary>
public sealed class RingEdgeRecord
{
    public long SignalId { get; set; }

    public Core.Rings.NodeKind FromKind { get; set; }

    public string FromKey { get; set; } = string.Empty;

    public Core.Rings.NodeKind ToKind { get; set; }

    public string ToKey { get; set; } = string.Empty;
}

/// <summary><c>LAPOR</c>: an applicant's report of a scalper's offer or number, with the reporter's number, for supervisors.</summary>
public sealed class ScalperReport
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public string ReporterPhone { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string MessageId { get; set; } = string.Empty;

    public DateTime ReceivedAtUtc { get; set; }
}
