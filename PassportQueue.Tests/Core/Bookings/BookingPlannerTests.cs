using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Tests.Core.Bookings;

public sealed class BookingPlannerTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("081234567890");
    private static readonly BookingRules Rules = new();

    [Fact]
    public void PlansTheRequestedDateWithItsSlots()
    {
        var plan = Accepted(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 2))));

        var day = Assert.Single(plan.Days);
        Assert.Equal(new DateOnly(2026, 12, 2), day.Date);
        Assert.Equal(4, day.Quota);
        Assert.Equal(1, day.PriorityQuota);
        Assert.Equal([0, 1], day.Slots.Select(s => s.Index));
        Assert.Equal(new DateTime(2026, 12, 2, 0, 30, 0, DateTimeKind.Utc), day.Slots[0].DeadlineUtc);
        Assert.Equal(RefusalReason.DayFull, plan.WhenFull);
        Assert.Equal("BUDI SANTOSO|1987-01-25", plan.PersonKey);
        Assert.DoesNotContain(new DateOnly(2026, 12, 2), plan.Alternatives.Select(d => d.Date));
    }

    [Fact]
    public void AcceptsTheLastDayOfTheWindow() =>
        Accepted(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 15))));

    [Fact]
    public void RefusesTheFirstDayOutsideTheWindowAndSuggestsDatesInside()
    {
        var refused = Refused(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 16))));

        Assert.Equal(RefusalReason.DateOutsideWindow, refused.Reason);
        Assert.Equal(new DateOnly(2026, 12, 2), refused.Alternatives[0].Date);
    }

    [Fact]
    public void TellsWhetherARefusedApplicantMayTakePriorityPlacesOnTheSuggestedDates()
    {
        var adult = Refused(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 16))));
        var balita = Refused(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 16)) with { BirthDate = new DateOnly(2024, 1, 1) }));

        Assert.False(adult.PriorityApplicant);
        Assert.True(balita.PriorityApplicant);
    }

    [Theory]
    [InlineData(2026, 12, 1)]
    [InlineData(2026, 11, 30)]
    [InlineData(2017, 8, 7)]
    public void RefusesTodayAndPastDates(int y, int m, int d) =>
        Assert.Equal(RefusalReason.DateInPast, Refused(Plan(Builders.Settings(), Request(new DateOnly(y, m, d)))).Reason);

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(25)]
    public void RefusesWeekendsAndHolidays(int day) =>
        Assert.Equal(RefusalReason.OfficeClosed, Refused(Plan(Builders.Settings() with { WindowEndDays = 30 }, Request(new DateOnly(2026, 12, day)))).Reason);

    [Fact]
    public void RefusesABirthDateAfterTheArrivalDate() =>
        Assert.Equal(RefusalReason.BirthDateInFuture,
            Refused(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 2)) with { BirthDate = new DateOnly(2026, 12, 3) })).Reason);

    [Fact]
    public void ClassifiesAgeOnTheArrivalDate()
    {
        var fifthBirthday = Request(new DateOnly(2026, 12, 3)) with { BirthDate = new DateOnly(2021, 12, 3) };
        var dayBefore = Request(new DateOnly(2026, 12, 2)) with { BirthDate = new DateOnly(2021, 12, 3) };

        Assert.Equal(AgeGroup.Adult, Accepted(Plan(Builders.Settings(), fifthBirthday)).AgeGroup);
        Assert.Equal(AgeGroup.Balita, Accepted(Plan(Builders.Settings(), dayBefore)).AgeGroup);
        Assert.True(Accepted(Plan(Builders.Settings(), dayBefore)).IsPriorityApplicant);
    }

    [Fact]
    public void OffersBatamEveryOpenDateOfTheWindowInOrder()
    {
        var plan = Accepted(Plan(Builders.Batam(), new BookingRequest("SITI", new DateOnly(1990, 1, 1), null, "JL. ENGKU PUTRI 3"), photo: true));

        Assert.Equal(10, plan.Days.Count);
        Assert.Equal(new DateOnly(2026, 12, 2), plan.Days[0].Date);
        Assert.Equal(RefusalReason.NoPlacesInWindow, plan.WhenFull);
    }

    [Fact]
    public void RefusesBatamWithoutAPhotoOfTheEktp() =>
        Assert.Equal(RefusalReason.IdPhotoMissing,
            Refused(Plan(Builders.Batam(), new BookingRequest("SITI", new DateOnly(1990, 1, 1), null, "JL. ENGKU PUTRI 3"), photo: false)).Reason);

    [Fact]
    public void RefusesBatamOutsideIntakeHours()
    {
        var evening = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        var decision = BookingPlanner.Plan(
            Builders.Office(Builders.Batam()), Phone, new BookingRequest("SITI", new DateOnly(1990, 1, 1), null, "JL. ENGKU PUTRI 3"), true, Rules, evening);

        Assert.Equal(RefusalReason.OutsideIntakeHours, Refused(decision).Reason);
    }

    [Fact]
    public void ReadsTodayInTheOfficesOwnZoneAtMidnight()
    {
        // 15:00 UTC on 1 December is 00:00 on 2 December in Jayapura (WIT).
        var witMidnight = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var office = Builders.Office(Builders.Jayapura());

        var forTheNewToday = BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 2)), false, Rules, witMidnight);
        var forTomorrow = BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 3)), false, Rules, witMidnight);
        var justBefore = BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 2)), false, Rules, witMidnight.AddSeconds(-1));

        Assert.Equal(RefusalReason.DateInPast, Refused(forTheNewToday).Reason);
        Assert.Equal(new DateTime(2026, 12, 2, 23, 0, 0, DateTimeKind.Utc), Accepted(forTomorrow).Days[0].Slots[0].StartUtc);
        Assert.Equal(new DateOnly(2026, 12, 2), Accepted(justBefore).Days[0].Date);
    }

    [Fact]
    public void BooksTodayOnlyInSlotsWhoseCheckInIsStillAhead()
    {
        // 07:45 WIB: the 08:00 slot's check-in closed at 07:30, the 08:30 slot's closes at 08:00.
        var early = new DateTimeOffset(2026, 12, 1, 0, 45, 0, TimeSpan.Zero);
        var settings = Builders.Settings() with { WindowStartDays = 0 };

        var day = Assert.Single(Accepted(BookingPlanner.Plan(Builders.Office(settings), Phone, Request(new DateOnly(2026, 12, 1)), false, Rules, early)).Days);

        Assert.Equal(3, day.FirstPlace);
    }

    [Fact]
    public void RefusesTodayOnceEveryCheckInClosedAndDoesNotSuggestIt()
    {
        // 14:34 WIB, a window that starts today: today's slots (08:00, 08:30) are past their check-in.
        var afternoon = new DateTimeOffset(2026, 12, 1, 7, 34, 0, TimeSpan.Zero);
        var office = Builders.Office(Builders.Settings() with { WindowStartDays = 0 });

        var refused = Refused(BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 1)), false, Rules, afternoon));

        Assert.Equal(RefusalReason.NoSlotLeftToday, refused.Reason);
        Assert.DoesNotContain(new DateOnly(2026, 12, 1), refused.Alternatives.Select(d => d.Date));
        Assert.Equal(new DateOnly(2026, 12, 2), refused.Alternatives[0].Date);
        Assert.Equal(new DateOnly(2026, 12, 2), BookingPlanner.FirstBookableDate(office.Calendar, afternoon));
    }

    [Fact]
    public void SuggestsTodayWhileItHasASlotAhead()
    {
        var early = new DateTimeOffset(2026, 12, 1, 0, 45, 0, TimeSpan.Zero);
        var office = Builders.Office(Builders.Settings() with { WindowStartDays = 0 });

        var refused = Refused(BookingPlanner.Plan(office, Phone, Request(new DateOnly(2026, 12, 5)), false, Rules, early));

        Assert.Equal(RefusalReason.OfficeClosed, refused.Reason);
        Assert.Contains(new DateOnly(2026, 12, 1), refused.Alternatives.Select(d => d.Date));
        Assert.Equal(new DateOnly(2026, 12, 1), BookingPlanner.FirstBookableDate(office.Calendar, early));
    }

    [Fact]
    public void RefusesTodayAsPastWhenTheWindowStartsTomorrow() =>
        Assert.Equal(RefusalReason.DateInPast, Refused(Plan(Builders.Settings(), Request(new DateOnly(2026, 12, 1)))).Reason);

    private static BookingRequest Request(DateOnly arrival) => new("BUDI SANTOSO", new DateOnly(1987, 1, 25), arrival, null);

    private static PlanDecision Plan(OfficeSettings settings, BookingRequest request, bool photo = false) =>
        BookingPlanner.Plan(Builders.Office(settings), Phone, request, photo, Rules, Builders.Now);

    private static BookingPlan Accepted(PlanDecision decision) => Assert.IsType<PlanAccepted>(decision).Plan;

    private static PlanRefused Refused(PlanDecision decision) => Assert.IsType<PlanRefused>(decision);
}
