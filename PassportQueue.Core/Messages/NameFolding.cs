using System.Globalization;
using System.Text;

namespace PassportQueue.Core.Messages;

/// <summary>
/// The rule that makes one person one identity however the name is typed. Each way a name can be
/// written differently while a reader sees the same name is either folded to the same identity or
/// refused with a reason the applicant understands:
/// <list type="bullet">
/// <item>case: folded (<c>Budi</c> = <c>BUDI</c>);</item>
/// <item>spacing of every kind (tabs, no-break, en/em, ideographic spaces, several in a row): folded to one space between words;</item>
/// <item>invisible characters (zero-width space and joiners, word joiner, soft hyphen, byte-order and direction marks): removed;
/// the direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused, since they change what a reader sees;</item>
/// <item>punctuation: apostrophes removed (<c>MA'RUF</c> = <c>MARUF</c>), dots, commas and dashes of any kind split words (<c>MUH.</c> = <c>MUH</c>);</item>
/// <item>diacritics: folded to the plain letter (<c>JOSÉ</c> = <c>JOSE</c>, <c>Æ</c> = <c>AE</c>, <c>Ø</c> = <c>O</c>);</item>
/// <item>full-width and styled Latin letters (<c>ＢＵＤＩ</c>, mathematical bold): folded to the plain letter;</item>
/// <item>letters of another script, including those that look Latin (Cyrillic <c>А</c>, Greek <c>Ο</c>): refused
/// (<see cref="ParseProblem.NameOtherScript"/>): the e-KTP writes names in Latin letters, and a counter officer
/// could not tell the difference;</item>
/// <item>digits and other symbols: refused (<see cref="ParseProblem.NameInvalid"/>).</item>
/// </list>
/// </summary>
public static class NameFolding
{
    private static readonly Dictionary<char, string> Unmarked = new()
    {
        ['Æ'] = "AE", ['æ'] = "AE", ['Œ'] = "OE", ['œ'] = "OE", ['ß'] = "SS", ['ẞ'] = "SS",
        ['Ø'] = "O", ['ø'] = "O", ['Đ'] = "D", ['đ'] = "D", ['Ð'] = "D", ['ð'] = "D",
        ['Ł'] = "L", ['ł'] = "L", ['ı'] = "I", ['Ħ'] = "H", ['ħ'] = "H", ['Þ'] = "TH", ['þ'] = "TH",
        ['Ŧ'] = "T", ['ŧ'] = "T", ['Ŋ'] = "NG", ['ŋ'] = "NG", ['ſ'] = "S",
    };

    /// <summary>Whether a character is invisible to a reader and is dropped.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u180E' or '\uFEFF' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u2060' && c <= '\u2064')
        || c == '\u034F';

    /// <summary>Whether a character only splits words: any kind of space, a dot, a comma or a dash.</summary>
    public static bool SplitsWords(char c) =>
        char.IsWhiteSpace(c) || c is '.' or ',' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    /// <summary>Whether a character is an apostrophe of any kind, which is dropped.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or '`' or '´' or 'ʼ' or 'ʻ' or '′';

    /// <summary>
    /// Why a name cannot be an identity, or null when it can: other scripts' letters, digits and
    /// symbols, or fewer than two letters.
    /// </summary>
    public static ParseProblem? Problem(string name)
    {
        var letters = 0;
        var otherScript = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (IsInvisible(c) || SplitsWords(c) || IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!char.IsLetter(c))
            {
                return ParseProblem.NameInvalid;
            }

            if (c > '\u024F' && !(c >= '\u1E00' && c <= '\u1EFF'))
            {
                otherScript = true;
            }

            letters++;
        }

        return otherScript ? ParseProblem.NameOtherScript : letters >= 2 ? null : ParseProblem.NameInvalid;
    }

    /// <summary>
    /// The identity of a name: plain Latin capitals, words separated by one space, so that every
    /// folded variant above gives the same text. A name <see cref="Problem"/> refuses is never folded.
    /// </summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (IsInvisible(c) || IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            if (SplitsWords(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (Unmarked.TryGetValue(c, out var plain))
            {
                builder.Append(plain);
            }
            else if (char.IsLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// The name as the counter sees it: as the applicant wrote it (letters, diacritics and punctuation
    /// kept), upper case, invisible characters removed and any run of spaces made one space.
    /// </summary>
    public static string Display(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim().ToUpper(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether two name identities are one edit apart (one letter changed, added or removed), as
    /// <c>RINA</c> and <c>RINI</c>: with the same birth date, possibly the same person.
    /// </summary>
    public static bool OneEditApart(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
