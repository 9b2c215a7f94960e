namespace PassportQueue.Web.Channel.Twilio;

/// <summary>Twilio settings (<c>Twilio:*</c>, env <c>Twilio__*</c>). The token and SID never go in the repository.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Auth token: checks <c>X-Twilio-Signature</c> and, with the account SID, sends messages and fetches media.</summary>
    public string? AuthToken { get; set; }

    /// <summary>Account SID (AC…); without it outgoing messages are kept, not sent.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The public address Twilio calls (https://antrean.example.go.id), when the app sits behind
    /// a proxy that rewrites the host; null to use the request's own address (with forwarded headers).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Hosts media may be downloaded from; anything else is refused.</summary>
    public string[] MediaHosts { get; set; } = ["api.twilio.com"];

    /// <summary>Largest e-KTP photo accepted, in bytes.</summary>
    public int MaxMediaBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Approved WhatsApp templates (ContentSid) per notification kind, for sending outside the 24-hour window.</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    /// <summary>
    /// Content API messages with buttons (<c>twilio/quick-reply</c>), sent as a follow-up inside the 24-hour window:
    /// <c>AfterBooking</c> (CEK, SYARAT, ANTREAN) and <c>NextDates1</c>, <c>NextDates2</c>, <c>NextDates3</c> (one, two or
    /// three dates). Without a SID, or without credentials, the reply is the plain text alone.
    /// </summary>
    public Dictionary<string, string> Content { get; set; } = [];

    /// <summary>The Content SID configured for <paramref name="name"/>: a message with buttons (<see cref="Content"/>), else a notice's template (<see cref="Templates"/>).</summary>
    public string? SidFor(string name) =>
        (Content.TryGetValue(name, out var sid) || Templates.TryGetValue(name, out sid)) && !string.IsNullOrWhiteSpace(sid) ? sid.Trim() : null;

    /// <summary>Whether outgoing messages can be sent.</summary>
    public bool CanSend => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
