using System.Security.Cryptography;
using System.Text;

namespace PassportQueue.Tests.Web.Channel.Twilio;

/// <summary>
/// Signs a webhook request the way Twilio does: HMAC-SHA1 with the auth token over the full URL
/// followed by every form field's name and value, sorted by name, in Base64.
/// </summary>
internal static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; this reproduces it.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
