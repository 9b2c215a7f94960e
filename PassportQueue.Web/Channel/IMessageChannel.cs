namespace PassportQueue.Web.Channel;

/// <summary>
/// The port to the WhatsApp provider, as the outbox, the buttons and the pages see it: whether it
/// can send, the provider's id of a configured template, and one send. The provider's own
/// webhooks, signatures and formats stay in its adapter (<c>Channel/Twilio</c>).
/// </summary>
public interface IMessageChannel
{
    /// <summary>Whether messages can be sent at all (the provider's credentials are configured); without, the outbox holds them.</summary>
    bool CanSend { get; }

    /// <summary>
    /// The provider's id of the approved template or interactive message configured under <paramref name="name"/>
    /// (a notice kind such as <c>Forfeited</c>, or <c>AfterBooking</c>, <c>NextDates1</c> … for buttons), or null when none is.
    /// </summary>
    string? Template(string name);

    /// <summary>Sends one message; returns the provider's message id. Throws when the provider refuses or cannot be reached.</summary>
    Task<string> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}

/// <summary>The port to the provider's stored media: an incoming message's attachment, fetched only from where the provider keeps it.</summary>
public interface IMediaSource
{
    /// <summary>The image, or null when the media is not an acceptable e-KTP photo or cannot be fetched.</summary>
    Task<(string ContentType, byte[] Image)?> DownloadAsync(string? url, string? declaredType, CancellationToken cancellationToken);
}
