using PhoneNumbers;

namespace PassportQueue.Core.Phones;

/// <summary>
/// A phone number normalised to E.164, so that <c>0812…</c>, <c>+62 812…</c> and
/// <c>whatsapp:+62812…</c> are one and the same number.
/// </summary>
public readonly record struct PhoneNumber
{
    private const string DefaultRegion = "ID";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164) => E164 = e164;

    /// <summary>The number in E.164 form, e.g. <c>+6281299004406</c>.</summary>
    public string E164 { get; }

    /// <summary>
    /// Parses what a person or Twilio wrote: a national Indonesian number, an international one,
    /// or Twilio's <c>whatsapp:</c> address. Returns false for anything that is not a valid number.
    /// </summary>
    public static bool TryParse(string? text, out PhoneNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var raw = text.Trim();
        if (raw.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase))
        {
            raw = raw["whatsapp:".Length..];
        }

        try
        {
            var parsed = Util.Parse(raw, DefaultRegion);
            if (!Util.IsValidNumber(parsed))
            {
                return false;
            }

            number = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Parses a number that is known to be valid (configuration, stored data).</summary>
    /// <exception cref="FormatException">The text is not a valid phone number.</exception>
    public static PhoneNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a valid phone number.");

    /// <summary>Rebuilds a number from its stored E.164 form without parsing it again.</summary>
    public static PhoneNumber FromE164(string e164) => new(e164);

    /// <summary>The number with all but the last four digits hidden, for logs and lists.</summary>
    public string Masked => E164 is { Length: > 4 } e ? new string('•', e.Length - 4) + e[^4..] : "••••";

    /// <inheritdoc />
    public override string ToString() => E164;
}
