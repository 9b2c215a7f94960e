using System.Xml.Linq;
using PassportQueue.Web.Channel.Twilio;

namespace PassportQueue.Web.Channel.Simulator;

/// <summary>
/// Development only: sends a message to this app's own webhook exactly as Twilio would, form
/// fields and <c>X-Twilio-Signature</c> included, so that the simulator exercises the real path.
/// </summary>
public sealed class SimulatorClient(HttpClient http, TwilioAuthToken token)
{
    public const string ClientName = "simulator";

    /// <summary>Posts a WhatsApp message to <paramref name="baseUri"/>'s webhook; returns the HTTP status and the reply text.</summary>
    public async Task<(int Status, string Reply)> SendAsync(Uri baseUri, string from, string to, string body, string? mediaUrl, CancellationToken ct)
    {
        var url = new Uri(baseUri, TwilioEndpoints.IncomingPath.TrimStart('/')).ToString();
        var sid = "SMsim" + Guid.NewGuid().ToString("N")[..27];
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsMessageSid"] = sid,
            ["AccountSid"] = "ACsimulator",
            ["From"] = "whatsapp:" + from,
            ["To"] = "whatsapp:" + to,
            ["Body"] = body,
            ["NumMedia"] = mediaUrl is null ? "0" : "1",
            ["ProfileName"] = "Simulator",
            ["WaId"] = from.TrimStart('+'),
        };
        if (mediaUrl is not null)
        {
            form["MediaUrl0"] = mediaUrl;
            form["MediaContentType0"] = "image/png";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(token.Value, url, form));
        using var response = await http.SendAsync(request, ct);
        var content = await response.Content.ReadAsStringAsync(ct);
        var reply = response.IsSuccessStatusCode
            ? XDocument.Parse(content).Root?.Element("Message") is { } message ? (message.Element("Body") ?? message).Value : string.Empty
            : content;
        return ((int)response.StatusCode, reply);
    }
}
