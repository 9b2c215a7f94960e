using Microsoft.Extensions.Options;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>Registers Twilio as the channel's provider: its options, auth token, signature filter, the sending port and the media source.</summary>
public static class TwilioServiceExtensions
{
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<TwilioOptions>(builder.Configuration.GetSection(TwilioOptions.Section));
        services.AddSingleton(sp => TwilioAuthToken.From(sp.GetRequiredService<IOptions<TwilioOptions>>().Value, builder.Environment));
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton<IMessageChannel, TwilioChannel>();
        services.AddHttpClient(TwilioChannel.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<IMediaSource, TwilioMedia>(c => c.Timeout = TimeSpan.FromSeconds(20))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }
}
