using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PassportQueue.Web.Channel.Twilio;

namespace PassportQueue.Benchmarks;

/// <summary>Posts WhatsApp messages to the app exactly as Twilio does, signature included.</summary>
internal sealed partial class WebhookClient(string baseUrl, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly string _url = baseUrl + "/webhooks/twilio/whatsapp";

    public HttpClient Http => _http;

    /// <summary>Sends one message; returns the HTTP status, the reply text, the booking code in it (if any) and the latency.</summary>
    public async Task<Reply> SendAsync(LoadMessage message, CancellationToken ct = default) => await SendAsync(message, forged: false, ct);

    /// <summary>Sends one message, signed with the app's token or (<paramref name="forged"/>) with another.</summary>
    public async Task<Reply> SendAsync(LoadMessage message, bool forged, CancellationToken ct = default)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = message.Sid,
            ["SmsMessageSid"] = message.Sid,
            ["AccountSid"] = "ACload",
            ["From"] = "whatsapp:" + message.From,
            ["To"] = "whatsapp:" + message.To,
            ["Body"] = message.Body,
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(forged ? "not-the-token" : AppProcess.AuthToken, _url, form));
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var text = response.IsSuccessStatusCode ? XDocument.Parse(body).Root?.Element("Message") is { } twiml ? (twiml.Element("Body") ?? twiml).Value : string.Empty : body;
        var code = CodePattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        return new Reply((int)response.StatusCode, text, code, elapsed);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"Kode booking: \*([A-Z]{2,5}-[0-9A-Z]{8})\*")]
    private static partial Regex CodePattern();
}

/// <summary>A message to send.</summary>
internal sealed record LoadMessage(string Sid, string From, string To, string Body)
{
    public const string Bogor = "+628111100333";

    /// <summary>
    /// The n-th applicant of a population: own number, own name, own adult birth date (1970–1999), a date from
    /// <paramref name="dates"/>. Populations with different <paramref name="offset"/>s share no number and no person.
    /// The numbers are spread over the range (id × 7919 mod 90,000,000, a bijection), not consecutive, and birth
    /// dates vary, as a real population's do: a run of consecutive numbers or ten thousand people born on one day
    /// is what the ring signals look for.
    /// </summary>
    public static LoadMessage For(string run, int n, IReadOnlyList<DateOnly> dates, string to = Bogor, int offset = 0)
    {
        var id = n + offset;
        var name = new string([.. Enumerable.Range(0, 6).Select(k => (char)('A' + (id / (int)Math.Pow(26, k) % 26)))]);
        var date = dates[n % dates.Count];
        var number = 10_000_000 + (int)((long)id * 7919 % 90_000_000);
        var born = new DateOnly(1970, 1, 1).AddDays(id % 10_957);
        return new LoadMessage($"SM{run}{n:D10}", $"+62813{number:D8}", to, $"#PEMOHON {name}#{born:ddMMyyyy}#{date:ddMMyyyy}");
    }

    /// <summary>The same message with another birth date (e.g. a balita's).</summary>
    public LoadMessage BornOn(DateOnly birthDate)
    {
        var fields = Body.Split('#');
        fields[2] = birthDate.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture);
        return this with { Body = string.Join('#', fields) };
    }

    /// <summary>Where the preloaded population starts; the load and crash populations start at 0.</summary>
    public const int PreloadOffset = 50_000_000;

    /// <summary>Where the population of a run on a copied database starts (<c>--from</c>).</summary>
    public const int CopiedRunOffset = 20_000_000;
}

/// <summary>What the app answered.</summary>
internal sealed record Reply(int Status, string Text, string? Code, double Milliseconds);
