namespace PassportQueue.Core.Messages;

/// <summary>An applicant's message as the channel delivered it.</summary>
/// <param name="MessageId">The channel's unique id (Twilio's MessageSid): one outcome per id.</param>
/// <param name="From">Sender address, any notation (<c>whatsapp:+62…</c>).</param>
/// <param name="To">The office number it was sent to.</param>
/// <param name="Body">The text, as sent.</param>
/// <param name="HasIdPhoto">Whether an acceptable photo of the e-KTP came with it.</param>
public sealed record InboundMessage(string MessageId, string From, string To, string? Body, bool HasIdPhoto = false);
