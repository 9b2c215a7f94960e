using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PassportQueue.Web.Channel.Twilio;

/// <summary>
/// The channel through Twilio: the Messages API with the SDK over an HttpClient from the factory (named <see cref="ClientName"/>),
/// templates and buttons by Content SID (<see cref="TwilioOptions.Templates"/>, <see cref="TwilioOptions.Content"/>), and delivery
/// reported to <see cref="TwilioEndpoints.StatusPath"/> when the public address is known.
/// </summary>
public sealed class TwilioChannel(IHttpClientFactory clients, IOptions<TwilioOptions> options, TwilioAuthToken token) : IMessageChannel
{
    public const string ClientName = "twilio-api";

    /// <inheritdoc />
    public bool CanSend => options.Value.CanSend;

    /// <inheritdoc />
    public string? Template(string name) => options.Value.SidFor(name);

    /// <inheritdoc />
    public async Task<string> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var client = new TwilioRestClient(
            settings.AccountSid, token.Value, accountSid: null, region: null, httpClient: new SystemNetHttpClient(clients.CreateClient(ClientName)), edge: null);
        var create = new CreateMessageOptions(new PhoneNumber("whatsapp:" + message.To))
        {
            From = new PhoneNumber("whatsapp:" + message.From),
            Body = message.Template is null ? message.Body : null,
            ContentSid = message.Template,
            ContentVariables = message.Template is null ? null : message.TemplateVariables,
            StatusCallback = settings.PublicBaseUrl is { Length: > 0 } baseUrl ? new Uri(baseUrl.TrimEnd('/') + TwilioEndpoints.StatusPath) : null,
        };
        var created = await MessageResource.CreateAsync(create, client);
        return created.Sid;
    }
}
