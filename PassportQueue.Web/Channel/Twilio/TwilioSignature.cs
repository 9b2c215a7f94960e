using System.Security.Cryptography;
using System.Text;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>
/// Twilio's request signature: HMAC-SHA1 with the auth token over the full URL followed by every
/// form field's name and value, sorted by name, in Base64. The app checks signatures with
/// Twilio's own <c>RequestValidator</c>; this computes them, for the simulator and the load tools.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
