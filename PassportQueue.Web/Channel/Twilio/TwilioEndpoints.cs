using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using Twilio.TwiML;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>Twilio's WhatsApp webhooks: incoming messages, read from Twilio's form and answered in TwiML, and delivery statuses.</summary>
public static partial class TwilioEndpoints
{
    public const string IncomingPath = "/webhooks/twilio/whatsapp";
    public const string StatusPath = "/webhooks/twilio/status";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        // Resolve the auth token now, so that a deployment without one fails at start, not at the first message.
        var token = app.ServiceProvider.GetRequiredService<TwilioAuthToken>();
        if (token.Generated)
        {
            var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TwilioEndpoints));
            LogGeneratedToken(logger, token.Value);
        }

        var limit = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WhatsAppOptions>>().Value.MaxRequestBytes;
        var hooks = app.MapGroup("/webhooks/twilio")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .AddEndpointFilter<DatabaseOutageFilter>()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        hooks.MapPost("/whatsapp", IncomingAsync);
        hooks.MapPost("/status", StatusAsync);
        return app;
    }

    /// <summary>One incoming WhatsApp message, answered in TwiML (<see cref="IncomingMessageHandler"/>).</summary>
    public static async Task<Results<ContentHttpResult, BadRequest<string>>> IncomingAsync(
        HttpRequest request, IncomingMessageHandler handler, QrCodes qr, IOptions<TwilioOptions> options, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        // A tapped button (quick reply: ButtonPayload) or list item (ListId) carries its payload beside its title in Body:
        // the payload is what the applicant means, handled exactly as if typed.
        var tapped = Field("ButtonPayload") is { Length: > 0 } payload ? payload : Field("ListId");
        var (sid, from, to, body) = (Field("MessageSid"), Field("From"), Field("To"), string.IsNullOrWhiteSpace(tapped) ? Field("Body") : tapped);
        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return TypedResults.BadRequest("MessageSid, From and To are required.");
        }

        // Exactly one image: a message with several attachments is not an e-KTP photo.
        var media = Field("NumMedia") == "1" ? new IncomingMedia(Field("MediaUrl0") ?? string.Empty, Field("MediaContentType0") ?? string.Empty) : null;
        var reply = await handler.HandleAsync(new InboundMessage(sid, from, to, body), media, ct);
        // The confirmation carries its code's QR image, from the address Twilio called (the app's public address).
        var image = reply?.QrOf is { } booking && BookingCode.TryParse(booking.Code, out var code)
            ? qr.UrlOf(PublicBase(request, options.Value.PublicBaseUrl), code, booking.CheckInDeadlineUtc.AddDays(1))
            : null;
        return TwiML(reply?.Text, image);
    }

    private static string PublicBase(HttpRequest request, string? publicBaseUrl) =>
        publicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>A delivery status for a message we sent; an older status never replaces a newer one.</summary>
    public static async Task<Ok> StatusAsync(HttpRequest request, OutboxStore outbox, TimeProvider time, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString().ToLowerInvariant();
        if (sid.Length > 0 && DeliveryRank(status) is > 0 and var rank)
        {
            var error = form["ErrorCode"].ToString();
            await outbox.RecordDeliveryAsync(sid, status, rank, error.Length == 0 ? null : error, time.GetUtcNow().UtcDateTime, ct);
        }

        return TypedResults.Ok();
    }

    /// <summary>The order of Twilio's message statuses; final ones share a rank below "read".</summary>
    public static int DeliveryRank(string status) => status switch
    {
        "accepted" or "scheduled" or "queued" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" or "undelivered" or "failed" => 4,
        "read" => 5,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: no Twilio:AuthToken configured; webhooks are signed with the generated token {Token}")]
    private static partial void LogGeneratedToken(ILogger logger, string token);

    private static ContentHttpResult TwiML(string? message, string? imageUrl = null)
    {
        var response = new MessagingResponse();
        if (message is not null)
        {
            var reply = new global::Twilio.TwiML.Messaging.Message();
            reply.Body(message);
            if (imageUrl is not null)
            {
                reply.Media(new Uri(imageUrl));
            }

            response.Append(reply);
        }

        return TypedResults.Content(response.ToString(), "application/xml; charset=utf-8");
    }
}
