using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PassportQueue.Web.Security;

namespace PassportQueue.Web.WhatsApp;

/// <summary>Registers the WhatsApp channel: signature checking, media, photos, flood guard, and the outbox.</summary>
public static class WhatsAppServiceExtensions
{
    public static WebApplicationBuilder AddWhatsApp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<TwilioOptions>(builder.Configuration.GetSection(TwilioOptions.Section));
        services.Configure<WhatsAppOptions>(builder.Configuration.GetSection(WhatsAppOptions.Section));
        services.AddSingleton(sp => TwilioAuthToken.From(sp.GetRequiredService<IOptions<TwilioOptions>>().Value, builder.Environment));
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton<DatabaseOutageFilter>();
        services.AddSingleton<FloodGuard>();
        services.AddSingleton<IncomingMessageHandler>();
        services.AddSingleton<ChatButtons>();
        services.AddSingleton<QrCodes>();
        services.AddSingleton<IdPhotoStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<ITwilioMessenger, TwilioMessenger>();
        services.AddHttpClient(TwilioMessenger.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<MediaDownloader>(c => c.Timeout = TimeSpan.FromSeconds(20))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // The simulator page renders only in Development; its services are harmless elsewhere.
        services.AddHttpClient<SimulatorClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SimulatorHistory>();

        var keys = new DirectoryInfo(KeysPath(builder));
        services.AddDataProtection().SetApplicationName("PassportQueue")
            .PersistKeysToFileSystem(keys)
            .ProtectKeysAtRest(builder.Configuration, builder.Environment, keys);
        return builder;
    }

    /// <summary>Where data-protection keys live (<c>DataProtection:KeysPath</c>), apart from the database they protect.</summary>
    private static string KeysPath(WebApplicationBuilder builder) => KeysPath(builder.Configuration, builder.Environment.ContentRootPath);

    /// <summary>Where data-protection keys live, a relative path taken from <paramref name="contentRoot"/>.</summary>
    public static string KeysPath(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["DataProtection:KeysPath"] ?? "App_Data/keys", contentRoot);
}
