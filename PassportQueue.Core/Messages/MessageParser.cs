using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Messages;

/// <summary>
/// Reads an applicant's WhatsApp text the way people really type it: spaces around fields and
/// <c>#</c>, any case, dates with or without <c>-</c>, <c>/</c> or <c>.</c>, a trailing newline,
/// names with apostrophes and dots. Anything it cannot read unambiguously gets a specific problem.
/// </summary>
public static partial class MessageParser
{
    /// <summary>Longest text read as a booking; a real one is well under this.</summary>
    public const int MaxLength = 1000;

    private const int MaxNameLength = 100;
    private const int MinAddressLength = 5;
    private const int MaxAddressLength = 300;

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CEK"] = Command.Status,
        ["STATUS"] = Command.Status,
        ["SYARAT"] = Command.Documents,
        ["BANTUAN"] = Command.Help,
        ["HELP"] = Command.Help,
        ["BATAL"] = Command.Cancel,
        ["HILANG"] = Command.LostOrDamaged,
        ["RUSAK"] = Command.LostOrDamaged,
        ["YA"] = Command.Accept,
        ["LAPOR"] = Command.Report,
        ["KODE"] = Command.VerifyCode,
        ["ANTREAN"] = Command.QueueStatus,
        ["ANTRIAN"] = Command.QueueStatus,
    };

    /// <summary>Reads a message for an office that uses the given format.</summary>
    public static ParsedMessage Parse(string? body, MessageFormat format)
    {
        var text = Clean(body);
        if (text.Length > MaxLength)
        {
            return new MalformedMessage(ParseProblem.TooLong);
        }

        // LAPOR and KODE carry free text after the keyword, which may itself hold a '#'.
        if (ReadCommand(text) is { } withText && withText is Command.Report or Command.VerifyCode)
        {
            var rest = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [_, var r] ? r.Trim() : string.Empty;
            return new CommandMessage(withText, rest);
        }

        if (!text.Contains('#', StringComparison.Ordinal))
        {
            return new CommandMessage(ReadCommand(text) ?? Command.Help);
        }

        var fields = text.Split('#').Select(f => f.Trim()).ToList();
        // A leading or trailing '#' does not open an empty field.
        if (fields.Count > 0 && fields[0].Length == 0)
        {
            fields.RemoveAt(0);
        }

        if (fields.Count > 0 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count == 1 && ReadCommand(fields[0]) is { } command)
        {
            return new CommandMessage(command);
        }

        if (fields.Count != 3)
        {
            return new MalformedMessage(ParseProblem.WrongFieldCount, fields.Count);
        }

        if (NameProblem(fields[0]) is { } nameProblem)
        {
            return new MalformedMessage(nameProblem);
        }

        var name = NameFolding.Display(fields[0]);
        if (ReadDate(fields[1]) is not { } birth)
        {
            return new MalformedMessage(ParseProblem.BirthDateInvalid);
        }

        if (birth is not { Date: { } birthDate })
        {
            return new MalformedMessage(ParseProblem.BirthDateNotACalendarDay);
        }

        if (format == MessageFormat.AddressWithIdPhoto)
        {
            var address = Tidy(fields[2]);
            return address.Length is < MinAddressLength or > MaxAddressLength || !address.Any(char.IsLetter)
                ? new MalformedMessage(ParseProblem.AddressInvalid)
                : new BookingRequest(name, birthDate, null, address);
        }

        return ReadDate(fields[2]) switch
        {
            null => new MalformedMessage(ParseProblem.ArrivalDateInvalid),
            { Date: null } => new MalformedMessage(ParseProblem.ArrivalDateNotACalendarDay),
            { Date: { } arrival } => new BookingRequest(name, birthDate, arrival, null),
        };
    }

    /// <summary>The identity of a person's name (<see cref="NameFolding.Key"/>): "Muh. Ma'ruf", "MUH MARUF" and "Muh Ma’ruf" are one person.</summary>
    public static string NameKey(string name) => NameFolding.Key(name);

    private static string Clean(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return string.Empty;
        }

        // Full-width '#' comes from some keyboards; zero-width characters from copy and paste.
        var text = body.Replace('＃', '#')
            .Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        return text.Trim();
    }

    private static Command? ReadCommand(string text)
    {
        var word = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return Commands.TryGetValue(word.Trim('.', '!', '?'), out var command) ? command : null;
    }

    private static ParseProblem? NameProblem(string field) =>
        field.Length == 0 ? ParseProblem.NameMissing
        : field.Length > MaxNameLength ? ParseProblem.NameInvalid
        : NameFolding.Problem(field);

    private static string Tidy(string field) =>
        WhiteSpace().Replace(field.Trim(), " ").ToUpper(CultureInfo.InvariantCulture);

    /// <summary>Null when the text is not date-shaped; a null Date when it is but names no real day.</summary>
    private static DateReading? ReadDate(string field)
    {
        var match = DatePattern().Match(field);
        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var valid = year >= 1900 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        return new DateReading(valid ? new DateOnly(year, month, day) : null);
    }

    private sealed record DateReading(DateOnly? Date);

    [GeneratedRegex(@"^(?:(?<d>[0-9]{2})(?<m>[0-9]{2})(?<y>[0-9]{4})|(?<d>[0-9]{1,2})\s*(?<s>[-/.])\s*(?<m>[0-9]{1,2})\s*\k<s>\s*(?<y>[0-9]{4}))$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
