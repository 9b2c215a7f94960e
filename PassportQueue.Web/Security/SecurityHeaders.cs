using System.Security.Cryptography;

namespace PassportQueue.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy the dashboard works under (scripts from
/// this site only, plus the page's one inline import map by a per-request nonce; MudBlazor's inline
/// styles), no framing, no MIME sniffing, no referrer to other sites.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "pq:csp-nonce";

    /// <summary>The nonce of this request's inline script (the import map).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hex is a valid nonce alphabet that no HTML encoder touches.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
