using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>
/// Fetches a message's media from Twilio with the account credentials, from the configured media
/// hosts only: a URL or a redirect to any other host is refused, so neither the credentials nor
/// the server can be pointed elsewhere. Only one image of an accepted type and size is taken.
/// </summary>
public sealed partial class TwilioMedia(HttpClient http, IOptions<TwilioOptions> options, TwilioAuthToken token, ILogger<TwilioMedia> logger) : IMediaSource
{
    public const string ClientName = "twilio-media";

    private static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };
    private const int MaxRedirects = 3;

    /// <inheritdoc />
    public async Task<(string ContentType, byte[] Image)?> DownloadAsync(string? url, string? declaredType, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (declaredType is not null && !ImageTypes.Contains(declaredType))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!IsAllowed(uri, settings))
            {
                LogRefusedHost(logger, uri.Host);
                return null;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (hop == 0 && settings.AccountSid is { Length: > 0 } sid)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token.Value}")));
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect
                    or HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect
                && response.Headers.Location is { } location)
            {
                uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, (int)response.StatusCode);
                return null;
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is null || !ImageTypes.Contains(type) || response.Content.Headers.ContentLength > settings.MaxMediaBytes)
            {
                return null;
            }

            return await ReadLimitedAsync(response, settings.MaxMediaBytes, cancellationToken) is { } image ? (type, image) : null;
        }

        return null;
    }

    private static bool IsAllowed(Uri uri, TwilioOptions settings) =>
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && settings.MediaHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadLimitedAsync(HttpResponseMessage response, int max, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? null : buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media refused: host {Host} is not a configured Twilio media host")]
    private static partial void LogRefusedHost(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media download failed with HTTP {Status}")]
    private static partial void LogFailed(ILogger logger, int status);
}
