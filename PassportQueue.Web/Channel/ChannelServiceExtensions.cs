using Microsoft.AspNetCore.DataProtection;
using PassportQueue.Web.Security;

namespace PassportQueue.Web.Channel;

/// <summary>
/// Registers the WhatsApp channel apart from its provider: the inbound path (outage filter, flood guard, photos, the
/// handler, buttons), the QR images and the outbox. A provider adapter registers <see cref="IMessageChannel"/> and
/// <see cref="IMediaSource"/> and maps its webhooks (Twilio: <c>AddTwilio</c>, <c>MapTwilioWebhooks</c>).
/// </summary>
public static class ChannelServiceExtensions
{
    public static WebApplicationBuilder AddChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<WhatsAppOptions>(builder.Configuration.GetSection(WhatsAppOptions.Section));
        services.AddSingleton<DatabaseOutageFilter>();
        services.AddSingleton<FloodGuard>();
        services.AddSingleton<IncomingMessageHandler>();
        services.AddSingleton<ChatButtons>();
        services.AddSingleton<QrCodes>();
        services.AddSingleton<IdPhotoStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSender>();

        var keys = new DirectoryInfo(KeysPath(builder));
        services.AddDataProtection().SetApplicationName("PassportQueue")
            .PersistKeysToFileSystem(keys)
            .ProtectKeysAtRest(builder.Configuration, builder.Environment, keys);
        return builder;
    }

    /// <summary>The channel's own public address: a booking code's QR image, which the provider fetches without credentials.</summary>
    public static IEndpointRouteBuilder MapChannel(this IEndpointRouteBuilder app)
    {
        // Public: the address itself is the secret, and it expires.
        app.MapGet(QrCodes.Path + "/{token}", QrImage).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>A booking code's QR image (<see cref="QrCodes"/>); 404 with a text for a forged or expired address.</summary>
    public static IResult QrImage(string token, QrCodes qr) =>
        qr.Read(token) is { } code
            ? Results.File(QrCodes.Png(code), "image/png")
            : Results.Text("QR code not found or expired.", "text/plain", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Where data-protection keys live (<c>DataProtection:KeysPath</c>), apart from the database they protect.</summary>
    private static string KeysPath(WebApplicationBuilder builder) => KeysPath(builder.Configuration, builder.Environment.ContentRootPath);

    /// <summary>Where data-protection keys live, a relative path taken from <paramref name="contentRoot"/>.</summary>
    public static string KeysPath(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["DataProtection:KeysPath"] ?? "App_Data/keys", contentRoot);
}
