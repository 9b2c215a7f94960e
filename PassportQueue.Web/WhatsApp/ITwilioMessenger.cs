namespace PassportQueue.Web.WhatsApp;

/// <summary>Sends one WhatsApp message through Twilio; returns Twilio's message SID. Throws when Twilio refuses or cannot be reached.</summary>
public interface ITwilioMessenger
{
    Task<string> SendAsync(OutgoingWhatsApp message, CancellationToken cancellationToken);
}
