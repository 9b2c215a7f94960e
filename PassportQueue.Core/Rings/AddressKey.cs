using System.Globalization;
using System.Text;
using PassportQueue.Core.Messages;

namespace PassportQueue.Core.Rings;

/// <summary>
/// An address as the same-address signal compares it: plain capitals (diacritics, invisible
/// characters and apostrophes folded as in names), every other mark a word break, the usual
/// abbreviations written out (<c>JL.</c> = <c>JLN</c> = <c>JALAN</c>, <c>GG</c> = <c>GANG</c>, <c>NO.</c> = <c>NOMOR</c>),
/// letters and digits split (<c>RT03/RW05</c> = <c>RT 3 RW 5</c>) and leading zeros dropped.
/// </summary>
public static class AddressKey
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["JL"] = "JALAN", ["JLN"] = "JALAN", ["GG"] = "GANG", ["NO"] = "NOMOR", ["NOMER"] = "NOMOR", ["BLK"] = "BLOK",
        ["KEL"] = "KELURAHAN", ["KEC"] = "KECAMATAN", ["KOMP"] = "KOMPLEK", ["KOMPLEKS"] = "KOMPLEK", ["PERUM"] = "PERUMAHAN",
        ["DS"] = "DESA", ["KAB"] = "KABUPATEN",
    };

    /// <summary>The key of an address as written.</summary>
    public static string For(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = new StringBuilder(address.Length + 8);
        foreach (var c in address.Normalize(NormalizationForm.FormKD))
        {
            if (NameFolding.IsInvisible(c) || NameFolding.IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var kind = char.IsAsciiDigit(c) ? 1 : char.IsLetter(c) ? 2 : 0;
            var lastKind = text.Length == 0 ? 0 : char.IsAsciiDigit(text[^1]) ? 1 : text[^1] == ' ' ? 0 : 2;
            if (kind == 0 || (lastKind != 0 && kind != lastKind))
            {
                text.Append(' ');
            }

            if (kind != 0)
            {
                text.Append(char.ToUpperInvariant(c));
            }
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word));
    }

    private static string Word(string word) =>
        char.IsAsciiDigit(word[0]) ? (word.TrimStart('0') is { Length: > 0 } n ? n : "0")
        : Words.TryGetValue(word, out var full) ? full : word;
}
