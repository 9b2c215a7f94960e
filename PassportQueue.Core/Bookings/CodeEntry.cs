namespace PassportQueue.Core.Bookings;

/// <summary>How a code reached the counter: typed by the officer, or scanned from the QR code of the applicant's confirmation.</summary>
public enum CodeEntry
{
    /// <summary>Typed (or pasted) by the officer.</summary>
    Typed = 0,

    /// <summary>Scanned from the confirmation's QR code (<see cref="CounterInput.QrPrefix"/>).</summary>
    Scanned = 1,
}

/// <summary>
/// What the counter's code field received. The confirmation's QR code holds the code after
/// <see cref="QrPrefix"/>, which nobody types, so a scanner (that types what it reads) is told apart from a person.
/// </summary>
public static class CounterInput
{
    /// <summary>What the QR code holds before the booking code.</summary>
    public const string QrPrefix = "PQ:";

    /// <summary>The text a QR code of a booking code holds.</summary>
    public static string QrContent(BookingCode code) => QrPrefix + code.Value;

    /// <summary>The code part of what the field received, and how it came.</summary>
    public static (string? Code, CodeEntry Entry) Read(string? received)
    {
        var text = received?.Trim();
        return text is not null && text.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase)
            ? (text[QrPrefix.Length..], CodeEntry.Scanned)
            : (text, CodeEntry.Typed);
    }
}
