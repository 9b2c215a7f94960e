using Microsoft.Extensions.Options;
using Twilio.Security;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>
/// Lets a webhook request through only if <c>X-Twilio-Signature</c> is Twilio's signature of the
/// URL it called and the form it sent, with our auth token. Anything else gets 403 with a short
/// body, before the handler runs, so nothing is stored.
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, IOptions<WhatsAppOptions> limits, TwilioAuthToken token) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        // Twilio always sends a length; anything without one or over the limit is refused before it is read.
        if (request.ContentLength is not { } length || length > limits.Value.MaxRequestBytes)
        {
            return TypedResults.Text("Request body missing a length or too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Text("Expected a form post.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // Raised by ASP.NET Core for form values it will not decode (NUL characters, too many fields).
            return TypedResults.Text("Malformed form body.", statusCode: StatusCodes.Status400BadRequest);
        }

        var signature = request.Headers["X-Twilio-Signature"].ToString();
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (signature.Length == 0 || !new RequestValidator(token.Value).Validate(CalledUrl(request, options.Value.PublicBaseUrl), parameters, signature))
        {
            return TypedResults.Text("Invalid or missing X-Twilio-Signature.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    /// <summary>
    /// The URL Twilio called: the configured public base URL with this path and query, or the
    /// request's own scheme, host (with a non-default port) and path as forwarded headers give them.
    /// </summary>
    public static string CalledUrl(HttpRequest request, string? publicBaseUrl) =>
        publicBaseUrl is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + request.PathBase + request.Path + request.QueryString
            : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
}
