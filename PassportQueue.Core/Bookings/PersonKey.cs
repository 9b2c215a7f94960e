using System.Globalization;
using PassportQueue.Core.Messages;

namespace PassportQueue.Core.Bookings;

/// <summary>A person's identity for the one-active-booking and personal-number rules.</summary>
public static class PersonKey
{
    /// <summary>Normalised name and birth date, e.g. <c>BUDI SANTOSO|1987-01-25</c>.</summary>
    public static string For(string name, DateOnly birthDate) =>
        $"{MessageParser.NameKey(name)}|{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A stored key (<c>NAME|yyyy-MM-dd</c>) folded by today's rule, e.g. <c>JOSÉ|…</c> to <c>JOSE|…</c>.</summary>
    public static string Refold(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bar = key.LastIndexOf('|');
        return bar < 0 ? key : MessageParser.NameKey(key[..bar]) + key[bar..];
    }
}
