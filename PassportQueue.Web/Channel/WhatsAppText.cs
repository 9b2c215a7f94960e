using System.Globalization;
using System.Resources;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The texts applicants read on WhatsApp, from <c>WhatsAppText.resx</c> (Indonesian, the
/// default) and <c>WhatsAppText.en.resx</c>.
/// </summary>
public static class WhatsAppText
{
    /// <summary>The language applicants are answered in.</summary>
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly ResourceManager Resources = new("PassportQueue.Web.Channel.WhatsAppText", typeof(WhatsAppText).Assembly);

    /// <summary>A text by its key, formatted with <paramref name="args"/>.</summary>
    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        var template = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No WhatsApp text '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
