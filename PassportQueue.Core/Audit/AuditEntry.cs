namespace PassportQueue.Core.Audit;

/// <summary>One line of the audit trail: who did what, when, to which booking or number, and why.</summary>
public sealed class AuditEntry
{
    /// <summary>Longest reason kept; a longer one is cut.</summary>
    public const int MaxReasonLength = 500;

    private AuditEntry()
    {
    }

    /// <summary>A new line of the trail.</summary>
    public static AuditEntry Record(DateTime atUtc, Actor actor, AuditAction action, int? officeId, long? bookingId, string? phone, string? reason) => new()
    {
        AtUtc = atUtc,
        Actor = actor.Value,
        Action = action,
        OfficeId = officeId,
        BookingId = bookingId,
        Phone = phone,
        Reason = reason is { Length: > MaxReasonLength } ? reason[..MaxReasonLength] : reason,
    };

    /// <summary>Database key, increasing.</summary>
    public long Id { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; private set; }

    /// <summary>Who (<see cref="Actor.Value"/>).</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>What.</summary>
    public AuditAction Action { get; private set; }

    /// <summary>The office concerned, if any.</summary>
    public int? OfficeId { get; private set; }

    /// <summary>The booking concerned, if any.</summary>
    public long? BookingId { get; private set; }

    /// <summary>The number concerned, if any (E.164).</summary>
    public string? Phone { get; private set; }

    /// <summary>Why, in words.</summary>
    public string? Reason { get; private set; }
}
