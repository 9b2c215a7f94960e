using System.Xml.Linq;
namespace PassportQueue.Tests.Web.Channel.Twilio;

internal static class TwiML
{
    /// <summary>The text of the single &lt;Message&gt; in a TwiML response, or empty when there is none.</summary>
    public static string ReplyOf(string xml)
    {
        var messages = XDocument.Parse(xml).Root!.Elements("Message").ToList();
        Assert.True(messages.Count <= 1, "A reply has at most one message.");
        return messages.SingleOrDefault() is { } message ? (message.Element("Body") ?? message).Value : string.Empty;
    }

    /// <summary>The address of the image the reply carries, or null.</summary>
    public static string? MediaOf(string xml) => XDocument.Parse(xml).Root!.Elements("Message").SingleOrDefault()?.Element("Media")?.Value;
}
