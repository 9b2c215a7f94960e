using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using Twilio.TwiML;

namespace PassportQueue.Web.WhatsApp;

/// <summary>Twilio's WhatsApp webhooks: incoming messages, answered in TwiML, and delivery statuses.</summary>
public static partial class WhatsAppEndpoints
{
    public const string IncomingPath = "/webhooks/twilio/whatsapp";
    public const string StatusPath = "/webhooks/twilio/status";

    public static IEndpointRouteBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder app)
    {
        // Resolve the auth token now, so that a deployment without one fails at start, not at the first message.
        var token = app.ServiceProvider.GetRequiredService<TwilioAuthToken>();
        if (token.Generated)
        {
            var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WhatsAppEndpoints));
            LogGeneratedToken(logger, token.Value);
        }

        var limit = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WhatsAppOptions>>().Value.MaxRequestBytes;
        var hooks = app.MapGroup("/webhooks/twilio")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        hooks.MapPost("/whatsapp", IncomingAsync);
        hooks.MapPost("/status", StatusAsync);
        return app;
    }

    /// <summary>One incoming WhatsApp message: throttle a flood, fetch an e-KTP photo, run the engine, answer in Indonesian.</summary>
    public static async Task<Results<ContentHttpResult, BadRequest<string>>> IncomingAsync(
        HttpRequest request,
        BookingEngine engine,
        IOfficeDirectory offices,
        FloodGuard flood,
        IPhoneRegistry registry,
        MediaDownloader media,
        IdPhotoStore photos,
        TimeProvider time,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var (sid, from, to, body) = (Field("MessageSid"), Field("From"), Field("To"), Field("Body"));
        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return TypedResults.BadRequest("MessageSid, From and To are required.");
        }

        var now = time.GetUtcNow();
        var office = await offices.FindByNumberAsync(to, ct);
        if (office is not null && PhoneNumber.TryParse(from, out var sender))
        {
            switch (flood.Check(sender.E164, sid))
            {
                case FloodVerdict.Throttle:
                    await registry.FlagAsync(sender, FlagReason.MessageFlood, "too many messages in a minute", Actor.System, ct);
                    return TwiML(WhatsAppText.Get(WhatsAppText.Indonesian, "Throttled"));
                case FloodVerdict.Ignore:
                    return TwiML(null);
            }
        }

        var hasPhoto = office is { Settings.MessageFormat: MessageFormat.AddressWithIdPhoto }
            && await SavePhotoAsync(form, sid, office, from, media, photos, ct);
        var result = await engine.HandleAsync(new InboundMessage(sid, from, to, body, hasPhoto), ct);
        return TwiML(ReplyWriter.Write(result.Outcome, result.Office, now));
    }

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

    private static async Task<bool> SavePhotoAsync(
        IFormCollection form, string sid, Office office, string from, MediaDownloader media, IdPhotoStore photos, CancellationToken ct)
    {
        // Exactly one image: a message with several attachments is not an e-KTP photo.
        if (form["NumMedia"].ToString() != "1" || !PhoneNumber.TryParse(from, out var phone))
        {
            return false;
        }

        var image = await media.DownloadAsync(form["MediaUrl0"].ToString(), form["MediaContentType0"].ToString(), ct);
        if (image is not { } photo)
        {
            return false;
        }

        await photos.SaveAsync(sid, office.Id, phone.E164, photo.ContentType, photo.Image, ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: no Twilio:AuthToken configured; webhooks are signed with the generated token {Token}")]
    private static partial void LogGeneratedToken(ILogger logger, string token);

    private static ContentHttpResult TwiML(string? message)
    {
        var response = new MessagingResponse();
        if (message is not null)
        {
            response.Message(message);
        }

        return TypedResults.Content(response.ToString(), "application/xml; charset=utf-8");
    }
}
