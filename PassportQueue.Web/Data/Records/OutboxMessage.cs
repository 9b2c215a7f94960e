namespace PassportQueue.Web.Data.Records;

/// <summary>
/// A WhatsApp message the office sends on its own (a forfeited code, a reminder), written in the
/// same transaction as the change that causes it and sent in the background with retries, so
/// that neither a restart nor an outage of the provider loses it. One per booking and kind.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The booking the message is about; null for a notice about a draw entry (<see cref="EntryId"/>).</summary>
    public long? BookingId { get; set; }

    /// <summary>The draw entry a notice is about (not drawn, a freed place offered); null for a booking's message.</summary>
    public long? EntryId { get; set; }

    /// <summary>The incoming message an interactive follow-up answers (the dates offered after its refusal); null otherwise.</summary>
    public string? ReplyToMessageId { get; set; }

    public int OfficeId { get; set; }

    /// <summary>The applicant's number, E.164.</summary>
    public string Phone { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not sent before this instant (a reminder's evening, the next retry).</summary>
    public DateTime DueAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>A sender holds the message until then; another node takes it over after.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public string? LeasedBy { get; set; }

    /// <summary>The text as sent (or as it would have been, when held).</summary>
    public string? Body { get; set; }

    /// <summary>The provider's id of the approved template used outside WhatsApp's 24-hour window, or of an interactive follow-up's buttons.</summary>
    public string? Template { get; set; }

    /// <summary>An interactive follow-up's template variables as JSON, fixed when it is queued (the dates offered then).</summary>
    public string? TemplateVariables { get; set; }

    /// <summary>The provider's id of the message once sent (Twilio: its message SID); delivery statuses find the message by it.</summary>
    public string? ProviderMessageId { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>Latest delivery status from the provider: queued, sent, delivered, read, failed, undelivered.</summary>
    public string? DeliveryStatus { get; set; }

    /// <summary>Order of <see cref="DeliveryStatus"/>, so that an older callback never overwrites a newer one.</summary>
    public int DeliveryRank { get; set; }

    public string? DeliveryErrorCode { get; set; }

    public DateTime? DeliveryUpdatedAtUtc { get; set; }
}
