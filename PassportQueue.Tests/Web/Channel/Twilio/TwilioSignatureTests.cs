using PassportQueue.Web.Channel.Twilio;
namespace PassportQueue.Tests.Web.Channel.Twilio;

public sealed class TwilioSignatureTests
{
    [Fact]
    public void SignsLikeTwilioDoes() =>
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+12349013030",
            ["Digits"] = "1234",
            ["From"] = "+12349013030",
            ["To"] = "+18005551212",
        }));
}
