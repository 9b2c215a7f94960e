namespace PassportQueue.Web.WhatsApp;

/// <summary>One message to send: free text inside WhatsApp's 24-hour window, else an approved template.</summary>
/// <param name="From">The office's WhatsApp number, E.164.</param>
/// <param name="To">The applicant's number, E.164.</param>
/// <param name="Body">Free text, when no template is used.</param>
/// <param name="ContentSid">The approved template, outside the 24-hour window.</param>
/// <param name="ContentVariables">The template's variables as JSON ({"1": "...", ...}).</param>
/// <param name="StatusCallback">Where Twilio reports delivery, if the app's public address is known.</param>
public sealed record OutgoingWhatsApp(string From, string To, string? Body, string? ContentSid, string? ContentVariables, Uri? StatusCallback);
