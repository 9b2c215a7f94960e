using System.Security.Cryptography;
namespace PassportQueue.Web.Channel.Twilio;

/// <summary>
/// The auth token in force. Production must configure <c>Twilio:AuthToken</c>; Development
/// without one draws a random token at start, which the simulator signs with.
/// </summary>
public sealed class TwilioAuthToken(string value, bool generated)
{
    public string Value { get; } = value;

    /// <summary>Whether the token was drawn at start because none was configured (Development only).</summary>
    public bool Generated { get; } = generated;

    public static TwilioAuthToken From(TwilioOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.AuthToken))
        {
            return new TwilioAuthToken(options.AuthToken, generated: false);
        }

        return environment.IsDevelopment()
            ? new TwilioAuthToken(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), generated: true)
            : throw new InvalidOperationException("Twilio:AuthToken (env Twilio__AuthToken) is required outside Development.");
    }
}
