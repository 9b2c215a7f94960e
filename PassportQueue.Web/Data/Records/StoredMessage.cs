namespace PassportQueue.Web.Data.Records;

/// <summary>An incoming message with its one outcome; the message id is the key, so a retry finds it.</summary>
public sealed class StoredMessage
{
    public string MessageId { get; set; } = string.Empty;

    public int OfficeId { get; set; }

    public string Phone { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The outcome as JSON (<see cref="PassportQueue.Core.Messages.MessageOutcome"/>).</summary>
    public string Outcome { get; set; } = string.Empty;

    public long? BookingId { get; set; }
}
