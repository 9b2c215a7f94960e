using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PassportQueue.Web.WhatsApp;

/// <summary>Sends through the Twilio SDK, over an HttpClient from the factory (named <see cref="ClientName"/>).</summary>
public sealed class TwilioMessenger(IHttpClientFactory clients, IOptions<TwilioOptions> options, TwilioAuthToken token) : ITwilioMessenger
{
    public const string ClientName = "twilio-api";

    public async Task<string> SendAsync(OutgoingWhatsApp message, CancellationToken cancellationToken)
    {
        var client = new TwilioRestClient(
            options.Value.AccountSid, token.Value, accountSid: null, region: null, httpClient: new SystemNetHttpClient(clients.CreateClient(ClientName)), edge: null);
        var create = new CreateMessageOptions(new PhoneNumber("whatsapp:" + message.To))
        {
            From = new PhoneNumber("whatsapp:" + message.From),
            Body = message.ContentSid is null ? message.Body : null,
            ContentSid = message.ContentSid,
            ContentVariables = message.ContentVariables,
            StatusCallback = message.StatusCallback,
        };
        var created = await MessageResource.CreateAsync(create, client);
        return created.Sid;
    }
}
