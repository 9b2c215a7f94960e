using System.Globalization;
using PassportQueue.Core.Messages;

namespace PassportQueue.Core.Bookings;

/// <summary>A person's identity for the one-active-booking and personal-number rules.</summary>
public static class PersonKey
{
    /// <summary>Normalised name and birth date, e.g. <c>BUDI SANTOSO|1987-01-25</c>.</summary>
    public static string For(string name, DateOnly birthDate) =>
        $"{MessageParser.NameKey(name)}|{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
