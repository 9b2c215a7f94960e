namespace PassportQueue.Web.Channel;

/// <summary>WhatsApp channel settings (<c>WhatsApp:*</c>).</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>Messages one number may send in a minute before it is throttled and flagged.</summary>
    public int MessagesPerMinute { get; set; } = 8;

    /// <summary>Days an e-KTP photo is kept after its booking ends (or after it came, with no booking).</summary>
    public int IdPhotoRetentionDays { get; set; } = 30;

    /// <summary>Largest webhook request accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
