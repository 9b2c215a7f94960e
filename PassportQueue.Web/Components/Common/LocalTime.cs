using System.Globalization;
using PassportQueue.Core.Offices;

namespace PassportQueue.Web.Components.Common;

/// <summary>Instants as staff read them: office-local, with the zone (WIB when no office is given).</summary>
public static class LocalTime
{
    private static readonly OfficeCalendar Jakarta = new(new OfficeSettings { TimeZoneId = "Asia/Jakarta" });

    public static string Format(Office? office, DateTime utc)
    {
        var calendar = office?.Calendar ?? Jakarta;
        var local = calendar.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return $"{local.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)} {calendar.ZoneAbbreviation}";
    }
}
