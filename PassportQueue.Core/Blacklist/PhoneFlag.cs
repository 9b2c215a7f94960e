namespace PassportQueue.Core.Blacklist;

/// <summary>One flag raised on a number: the evidence a supervisor reviews.</summary>
public sealed class PhoneFlag
{
    private PhoneFlag()
    {
    }

    /// <summary>A new flag on a number, with its evidence (a stored system reason or what an officer typed).</summary>
    public static PhoneFlag Raise(string phone, FlagReason reason, string? detail, long? bookingId, string raisedBy, DateTime atUtc) => new()
    {
        Phone = phone,
        Reason = reason,
        Detail = detail is { Length: > Audit.AuditEntry.MaxReasonLength } ? detail[..Audit.AuditEntry.MaxReasonLength] : detail,
        BookingId = bookingId,
        RaisedBy = raisedBy,
        RaisedAtUtc = atUtc,
    };

    /// <summary>Database key.</summary>
    public long Id { get; private set; }

    /// <summary>The flagged number, E.164.</summary>
    public string Phone { get; private set; } = string.Empty;

    /// <summary>What was seen.</summary>
    public FlagReason Reason { get; private set; }

    /// <summary>Details in words.</summary>
    public string? Detail { get; private set; }

    /// <summary>The booking it concerns, if any.</summary>
    public long? BookingId { get; private set; }

    /// <summary>Who raised it (<c>system</c> or an officer).</summary>
    public string RaisedBy { get; private set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime RaisedAtUtc { get; private set; }
}
