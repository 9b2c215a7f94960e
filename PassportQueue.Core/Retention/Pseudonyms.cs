using System.Security.Cryptography;
using System.Text;

namespace PassportQueue.Core.Retention;

/// <summary>
/// Keyed pseudonyms (HMAC-SHA256 under the deployment's secret key): the same value always gives the
/// same pseudonym, so a pseudonymised identity still matches the person when they come back (a
/// blacklisted number's owner stays refused on another number), while nobody without the key can
/// tell whose it was or try names and birth dates against it. Every pseudonym starts with
/// <see cref="Mark"/>, which no phone number, name or identity key can.
/// </summary>
public sealed class Pseudonyms
{
    /// <summary>The first character of every pseudonym.</summary>
    public const char Mark = '~';

    /// <summary>Fits an identity key column (128 bits of the hash).</summary>
    public const int IdentityLength = 33;

    /// <summary>Fits a phone column (76 bits of the hash).</summary>
    public const int PhoneLength = 20;

    /// <summary>What a name becomes: short, readable, and the same for the same person.</summary>
    public const int NameLength = 11;

    private readonly byte[] _key;

    /// <summary>Pseudonyms under <paramref name="key"/> (at least 32 bytes, secret, the same on every node and kept for good).</summary>
    public Pseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A pseudonym key has at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>Whether a stored value is already a pseudonym.</summary>
    public static bool Is(string? value) => value is [Mark, ..];

    /// <summary>The pseudonym of <paramref name="value"/>, <paramref name="length"/> characters long; a pseudonym stays as it is.</summary>
    public string Of(string value, int length)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Is(value))
        {
            return value;
        }

        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value));
        return Mark + Convert.ToHexStringLower(hash)[..(length - 1)];
    }

    /// <summary>An identity key (name and birth date) as it is kept after its retention.</summary>
    public string Identity(string personKey) => Of(personKey, IdentityLength);

    /// <summary>A phone number as it is kept on a booking, a message or an audit line after its retention.</summary>
    public string Phone(string e164) => Of(e164, PhoneLength);

    /// <summary>A name as it is kept after its retention: derived from the identity, not the spelling.</summary>
    public string Name(string personKey) => Of("name|" + personKey, NameLength);

    /// <summary>A birth date after its retention: the year only (reports and age checks keep working), as 1 January.</summary>
    public static DateOnly BirthDate(DateOnly birthDate) => new(birthDate.Year, 1, 1);
}
