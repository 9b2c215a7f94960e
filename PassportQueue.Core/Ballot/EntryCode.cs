using System.Security.Cryptography;

namespace PassportQueue.Core.Ballot;

/// <summary>
/// An entry's public id, e.g. <c>E-7K3M9QX2WD</c>: 50 random bits in the booking codes' alphabet.
/// It says nothing about the person; only the entrant is told which one is theirs.
/// </summary>
public static class EntryCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new entry code.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "E-" + new string(chars);
    }
}
