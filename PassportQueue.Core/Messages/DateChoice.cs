using System.Globalization;
using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Messages;

/// <summary>
/// A date offered as a WhatsApp button after a refusal for a full or closed day. The button's payload names the date
/// and the refused message (<c>TGL 03122026 SM…</c>); the name and birth date stay on the server, in that stored
/// message. A tap is the refused request typed again with the chosen date, from the same number, within
/// <see cref="Lifetime"/>; anything else is <see cref="Bookings.ChoiceExpired"/>.
/// </summary>
public static class DateChoice
{
    /// <summary>The payload's keyword.</summary>
    public const string Keyword = "TGL";

    /// <summary>How long after the refusal its date buttons work.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>The payload of the button for <paramref name="date"/> after the refusal of message <paramref name="messageId"/>.</summary>
    public static string Payload(DateOnly date, string messageId) =>
        $"{Keyword} {date.ToString("ddMMyyyy", CultureInfo.InvariantCulture)} {messageId}";

    /// <summary>Reads a payload made by <see cref="Payload"/>.</summary>
    public static bool TryRead(string? body, out DateOnly date, out string messageId)
    {
        date = default;
        messageId = string.Empty;
        if (body?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var keyword, var day, var id]
            || !keyword.Equals(Keyword, StringComparison.OrdinalIgnoreCase)
            || !DateOnly.TryParseExact(day, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || id.Length is 0 or > 64)
        {
            return false;
        }

        messageId = id;
        return true;
    }

    /// <summary>
    /// The refused booking message as the applicant would type it again with <paramref name="date"/>, or null when
    /// it was no booking request with an arrival date (an office whose message carries an address gives no dates to pick).
    /// </summary>
    public static string? Rewrite(string refusedBody, MessageFormat format, DateOnly date)
    {
        if (format != MessageFormat.ArrivalDate || MessageParser.Parse(refusedBody, format) is not BookingRequest)
        {
            return null;
        }

        var body = refusedBody.TrimEnd().TrimEnd('#');
        var typed = body[..(body.LastIndexOf('#') + 1)] + date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        return MessageParser.Parse(typed, format) is BookingRequest { ArrivalDate: { } arrival } && arrival == date ? typed : null;
    }

    /// <summary>A date as a button's title, at most 20 characters (WhatsApp's limit): "Kam, 3 Des 2026".</summary>
    public static string Title(DateOnly date, CultureInfo culture) => date.ToString("ddd, d MMM yyyy", culture);
}
