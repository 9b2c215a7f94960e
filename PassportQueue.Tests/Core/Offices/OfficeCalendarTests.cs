using PassportQueue.Core.Offices;

namespace PassportQueue.Tests.Core.Offices;

public sealed class OfficeCalendarTests
{
    [Fact]
    public void StartsSlotsAtOfficeLocalTime()
    {
        var calendar = new OfficeCalendar(Builders.Settings());

        Assert.Equal(new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc), calendar.SlotStartUtc(new DateOnly(2026, 12, 2), 0));
        Assert.Equal(new DateTime(2026, 12, 2, 1, 30, 0, DateTimeKind.Utc), calendar.SlotStartUtc(new DateOnly(2026, 12, 2), 1));
        Assert.Equal(new DateTime(2026, 12, 2, 0, 30, 0, DateTimeKind.Utc), calendar.CheckInDeadlineUtc(new DateOnly(2026, 12, 2), 0));
    }

    [Fact]
    public void StartsAWitOfficeSlotOnThePreviousUtcDay()
    {
        var calendar = new OfficeCalendar(Builders.Jayapura());

        Assert.Equal(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), calendar.SlotStartUtc(new DateOnly(2026, 12, 2), 0));
        Assert.Equal("WIT", calendar.ZoneAbbreviation);
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    public void NamesTheZoneAsApplicantsKnowIt(string zone, string abbreviation) =>
        Assert.Equal(abbreviation, new OfficeCalendar(Builders.Settings() with { TimeZoneId = zone }).ZoneAbbreviation);

    [Fact]
    public void ChangesTheLocalDateAtLocalMidnight()
    {
        var calendar = new OfficeCalendar(Builders.Jayapura());

        Assert.Equal(new DateOnly(2026, 12, 1), calendar.LocalDate(new DateTimeOffset(2026, 12, 1, 14, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 2), calendar.LocalDate(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void IsClosedOnWeekendsAndHolidays()
    {
        var calendar = new OfficeCalendar(Builders.Settings());

        Assert.True(calendar.IsOpen(new DateOnly(2026, 12, 4)));
        Assert.False(calendar.IsOpen(new DateOnly(2026, 12, 5)));
        Assert.False(calendar.IsOpen(new DateOnly(2026, 12, 6)));
        Assert.False(calendar.IsOpen(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void ListsOpenDatesFromTomorrowToFourteenDaysAhead()
    {
        var dates = new OfficeCalendar(Builders.Settings()).OpenDatesInWindow(Builders.Now);

        Assert.Equal(new DateOnly(2026, 12, 2), dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 15), dates[^1]);
        Assert.Equal(10, dates.Count);
    }

    [Theory]
    [InlineData(0, 29, false)]
    [InlineData(0, 30, true)]
    [InlineData(2, 59, true)]
    [InlineData(3, 0, false)]
    public void AcceptsBatamMessagesFromHalfPastSevenUntilTenWib(int utcHour, int minute, bool open)
    {
        var calendar = new OfficeCalendar(Builders.Batam());

        Assert.Equal(open, calendar.IsIntakeOpen(new DateTimeOffset(2026, 12, 1, utcHour, minute, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void RefusesADailyQuotaLargerThanTheSlotsHold() =>
        Assert.Contains(Builders.Settings().Validate().Concat((Builders.Settings() with { DailyQuota = 5 }).Validate()), e => e == SettingsProblem.QuotaAboveSlots);

    [Fact]
    public void ReportsInvalidSettings()
    {
        var errors = (Builders.Settings() with { Code = "bg1", DailyQuota = 0, PriorityQuota = 5, TimeZoneId = "Mars/Olympus" }).Validate();

        Assert.Equal(4, errors.Count);
    }
}
