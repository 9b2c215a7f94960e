using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Tests.Core.Ballot;

/// <summary>When days are released and how a message for a day is handled. Builders.Now is 09:00 WIB on 1 December 2026.</summary>
public sealed class BallotScheduleTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+6281234500001");
    private static readonly OfficeSettings Ballot = Builders.Settings() with { Allocation = Allocation.Ballot, ReleaseTime = new TimeOnly(9, 0), EntryMinutes = 60 };

    [Fact]
    public void ADayIsReleasedAtTheReleaseTimeOnTheDayItEntersTheWindowAndTakesEntriesForTheEntryMinutes()
    {
        var calendar = Builders.Office(Ballot).Calendar;
        var day = new DateOnly(2026, 12, 15);

        Assert.Equal(Builders.Now.UtcDateTime, BallotSchedule.OpensUtc(calendar, day));
        Assert.Equal(new NotReleasedRoute(day, Builders.Now.UtcDateTime), BallotSchedule.Route(calendar, day, Builders.Now.AddSeconds(-1)));
        Assert.Equal(new EntryRoute(day, Builders.Now.UtcDateTime, Builders.Now.AddHours(1).UtcDateTime), BallotSchedule.Route(calendar, day, Builders.Now));
        Assert.IsType<FirstComeRoute>(BallotSchedule.Route(calendar, day, Builders.Now.AddHours(1)));
        Assert.IsType<FirstComeRoute>(BallotSchedule.Route(Builders.Office(Builders.Settings()).Calendar, day, Builders.Now));
    }

    [Fact]
    public void TheNextReleasesSkipClosedDays()
    {
        // 19 and 20 December 2026 are a weekend: nothing is released for them.
        var upcoming = BallotSchedule.Upcoming(Builders.Office(Ballot).Calendar, new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal([new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 22)], upcoming.Select(u => u.Date));
    }

    [Fact]
    public void ARequestInTheEntryPeriodIsAnEntryAndOneForADayNotReleasedSaysWhenItOpens()
    {
        var office = Builders.Office(Ballot);

        var entry = Assert.IsType<PlanEntry>(BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 15)), false, new BookingRules(), Builders.Now));
        var notYet = Assert.IsType<PlanNotReleased>(BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 16)), false, new BookingRules(), Builders.Now));
        var firstCome = BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 14)), false, new BookingRules(), Builders.Now);

        Assert.Equal([new DateOnly(2026, 12, 15)], entry.Plan.Days.Select(d => d.Date));
        Assert.Equal(Builders.Now.AddHours(1).UtcDateTime, entry.Period.ClosesUtc);
        Assert.Equal(Builders.Now.AddDays(1).UtcDateTime, notYet.OpensUtc);
        Assert.IsType<PlanAccepted>(firstCome);
    }

    [Fact]
    public void BatamEntersTheDayReleasedNowInItsIntakeHoursAndBooksFirstComeOtherwise()
    {
        var batam = Builders.Office(Builders.Batam() with { Allocation = Allocation.Ballot, ReleaseTime = new TimeOnly(7, 30), EntryMinutes = 150 });
        var request = new BookingRequest("SITI", new DateOnly(1990, 1, 1), null, "JL. ENGKU PUTRI 3");

        var entry = Assert.IsType<PlanEntry>(BookingPlanner.Plan(batam, Phone, request, true, new BookingRules(), Builders.Now));

        Assert.Equal(new DateOnly(2026, 12, 15), Assert.Single(entry.Plan.Days).Date);
        Assert.Equal(batam.Calendar.ToUtc(new DateOnly(2026, 12, 1), new TimeOnly(10, 0)), entry.Period.ClosesUtc);
        // On 5 December no entry period is open (19 December, 14 days ahead, is a Saturday): the days already drawn are first come.
        var closedDayRelease = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
        var accepted = Assert.IsType<PlanAccepted>(BookingPlanner.Plan(batam, Phone, request, true, new BookingRules(), closedDayRelease));
        Assert.All(accepted.Plan.Days, d => Assert.IsType<FirstComeRoute>(BallotSchedule.Route(batam.Calendar, d.Date, closedDayRelease)));
        Assert.DoesNotContain(accepted.Plan.Days, d => d.Date == new DateOnly(2026, 12, 19));
    }

    [Theory]
    [InlineData("09:00", 60, null, null, true)]
    [InlineData("09:00", 4, null, null, false)]
    [InlineData("23:30", 60, null, null, false)]
    [InlineData("07:30", 150, "07:30", "10:00", true)]
    [InlineData("07:00", 60, "07:30", "10:00", false)]
    [InlineData("09:30", 60, "07:30", "10:00", false)]
    public void ValidatesTheEntryPeriod(string release, int minutes, string? opens, string? closes, bool valid)
    {
        var settings = Builders.Settings() with
        {
            Allocation = Allocation.Ballot,
            ReleaseTime = TimeOnly.Parse(release, System.Globalization.CultureInfo.InvariantCulture),
            EntryMinutes = minutes,
            IntakeOpens = opens is null ? null : TimeOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
            IntakeCloses = closes is null ? null : TimeOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(valid, settings.Validate().Count == 0);
    }

    private static BookingRequest Request(DateOnly arrival) => new("BUDI SANTOSO", new DateOnly(1987, 1, 25), arrival, null);
}
