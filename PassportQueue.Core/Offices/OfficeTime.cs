using System.Globalization;

namespace PassportQueue.Core.Offices;

/// <summary>
/// The one way dates and times are written for people, in replies and on the dashboard alike:
/// office-local, with WIB, WITA or WIT, in the reader's culture (Indonesian writes 08.00, English 08:00).
/// </summary>
public static class OfficeTime
{
    private static readonly OfficeCalendar Jakarta = new(new OfficeSettings { TimeZoneId = "Asia/Jakarta" });

    /// <summary>An office-local date, e.g. "Rabu, 2 Desember 2026".</summary>
    public static string Date(CultureInfo culture, DateOnly date) => date.ToString("dddd, d MMMM yyyy", culture);

    /// <summary>An instant as the office's local time with its zone, e.g. "08.00 WIB".</summary>
    public static string Time(CultureInfo culture, Office office, DateTime utc) =>
        Clock(culture, TimeOnly.FromDateTime(office.Calendar.ToLocal(AsUtc(utc))), office.Calendar);

    /// <summary>A local time of day at an office with its zone, e.g. "07.30 WIB".</summary>
    public static string Clock(CultureInfo culture, TimeOnly time, OfficeCalendar calendar) =>
        $"{time.ToString(culture.Name.StartsWith("id", StringComparison.Ordinal) ? "HH.mm" : "HH:mm", culture)} {calendar.ZoneAbbreviation}";

    /// <summary>An instant with its local date and time, for lists and the audit trail, e.g. "01-12-2026 08.15 WIB" (WIB when no office is given).</summary>
    public static string Stamp(CultureInfo culture, Office? office, DateTime utc)
    {
        var calendar = office?.Calendar ?? Jakarta;
        var local = calendar.ToLocal(AsUtc(utc));
        return $"{local.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)} {Clock(culture, TimeOnly.FromDateTime(local), calendar)}";
    }

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);
}
