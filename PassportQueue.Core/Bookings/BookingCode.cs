using System.Security.Cryptography;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// A booking code such as <c>BGR-7K3M9QX2</c>: the office code, a dash and eight characters of
/// Crockford base32 drawn from a cryptographic random source (40 bits).
/// </summary>
public readonly record struct BookingCode
{
    /// <summary>Crockford's base32 alphabet: no I, L, O or U, so codes read back unambiguously.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>How many random characters follow the office code.</summary>
    public const int RandomLength = 8;

    private BookingCode(string value) => Value = value;

    /// <summary>The canonical form, upper case with the dash.</summary>
    public string Value { get; }

    /// <summary>The office code part, e.g. <c>BGR</c>.</summary>
    public string OfficeCode => Value[..Value.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>Draws a new random code for an office.</summary>
    public static BookingCode New(string officeCode)
    {
        // Five random bytes are exactly forty bits: eight base32 characters of five bits each.
        Span<byte> bytes = stackalloc byte[5];
        RandomNumberGenerator.Fill(bytes);
        var bits = ((ulong)bytes[0] << 32) | ((ulong)bytes[1] << 24) | ((ulong)bytes[2] << 16) | ((ulong)bytes[3] << 8) | bytes[4];
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)((bits >> (35 - (5 * i))) & 31)];
        }

        return new BookingCode($"{officeCode.ToUpperInvariant()}-{chars}");
    }

    /// <summary>
    /// Reads a code as an officer types or scans it: any case, with or without the dash, with
    /// surrounding spaces, and with the look-alike letters I, L and O read as 1, 1 and 0.
    /// </summary>
    public static bool TryParse(string? text, out BookingCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        // With a dash, the dash says where the office code ends; without one, the last eight characters are the random part.
        var dash = compact.IndexOf('-', StringComparison.Ordinal);
        var officeLength = dash >= 0 ? dash : compact.Length - RandomLength;
        if (dash >= 0)
        {
            compact = compact.Remove(dash, 1);
        }

        if (officeLength is < 2 or > 5 || compact.Length != officeLength + RandomLength)
        {
            return false;
        }

        var office = compact[..officeLength];
        if (!office.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        Span<char> random = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++)
        {
            var c = compact[officeLength + i] switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }

            random[i] = c;
        }

        code = new BookingCode($"{office}-{random}");
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
