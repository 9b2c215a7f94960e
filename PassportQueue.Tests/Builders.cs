using PassportQueue.Core.Offices;

namespace PassportQueue.Tests;

/// <summary>Test data: offices shaped like the real ones, small enough to fill in a test.</summary>
internal static class Builders
{
    /// <summary>Tuesday 1 December 2026, 09:00 WIB.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public static OfficeSettings Settings(string code = "BGR", string number = "+62 811-1100-333") => new()
    {
        Code = code,
        Name = $"Kantor Imigrasi {code}",
        TimeZoneId = "Asia/Jakarta",
        WhatsAppNumbers = [number],
        MessageFormat = MessageFormat.ArrivalDate,
        ClosedDates = [new DateOnly(2026, 12, 25)],
        FirstSlot = new TimeOnly(8, 0),
        SlotMinutes = 30,
        SlotsPerDay = 2,
        PlacesPerSlot = 2,
        DailyQuota = 4,
        PriorityQuota = 1,
        Documents = ["e-KTP asli", "Kartu Keluarga asli"],
    };

    public static OfficeSettings Batam() => Settings("BTM", "+62 822-8886-2017") with
    {
        MessageFormat = MessageFormat.AddressWithIdPhoto,
        IntakeOpens = new TimeOnly(7, 30),
        IntakeCloses = new TimeOnly(10, 0),
    };

    /// <summary>An office in Jayapura (WIT, UTC+9).</summary>
    public static OfficeSettings Jayapura() => Settings("JYP", "+62 811-4800-100") with { TimeZoneId = "Asia/Jayapura" };

    public static Office Office(OfficeSettings settings) => new(settings, Now.UtcDateTime);

    /// <summary>The i-th applicant's own WhatsApp number.</summary>
    public static string Sender(int i) => "+628123" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A distinct letters-only name part for the i-th applicant (names may not contain digits).</summary>
    public static string Letters(int i) => new([(char)('A' + (i / 676 % 26)), (char)('A' + (i / 26 % 26)), (char)('A' + (i % 26))]);
}
