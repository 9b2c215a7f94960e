using PassportQueue.Core.Bookings;

namespace PassportQueue.Tests.Core.Bookings;

public sealed class DayPlacesTests
{
    // Two slots of two places, quota 4 with 1 for priority.
    private static readonly DayPlan Day = BookingPlanner.DayPlanFor(
        new PassportQueue.Core.Offices.OfficeCalendar(Builders.Settings()), new DateOnly(2026, 12, 2), Builders.Now);

    [Fact]
    public void ADayWithNoCountYetHasEveryPlace() => Assert.True(DayPlaces.HasPlace(Day, null, priority: false));

    [Fact]
    public void ADayWhoseOpenShareIsTakenHasPlacesOnlyForPriority()
    {
        var count = Count(openTaken: 3, priorityTaken: 0);

        Assert.False(DayPlaces.HasPlace(Day, count, priority: false));
        Assert.True(DayPlaces.HasPlace(Day, count, priority: true));
    }

    [Fact]
    public void AFullDayHasNoPlace() => Assert.False(DayPlaces.HasPlace(Day, Count(openTaken: 3, priorityTaken: 1), priority: true));

    [Fact]
    public void SkippedPlacesCountAgainstTheSlots() =>
        Assert.False(DayPlaces.HasPlace(Day, Count(openTaken: 1, priorityTaken: 0, skipped: 3), priority: false));

    [Fact]
    public void ThePlacesOfSlotsWhoseCheckInClosedAreNotOffered()
    {
        // 08:00 WIB on the day: the first slot's check-in (07:30) has closed, the second's (08:00) has not.
        var sameDay = BookingPlanner.DayPlanFor(
            new PassportQueue.Core.Offices.OfficeCalendar(Builders.Settings()), new DateOnly(2026, 12, 2), new DateTimeOffset(2026, 12, 2, 0, 45, 0, TimeSpan.Zero));

        Assert.Equal(3, sameDay.FirstPlace);
        Assert.True(DayPlaces.HasPlace(sameDay, Count(openTaken: 0, priorityTaken: 0), priority: false));
        Assert.False(DayPlaces.HasPlace(sameDay, Count(openTaken: 2, priorityTaken: 0, skipped: 2), priority: false));
    }

    [Fact]
    public void APlaceTakenIsTheNextNumberFromTheOpenShare()
    {
        var (count, place) = DayPlaces.Take(Day, Count(openTaken: 1, priorityTaken: 0), priority: false, held: false);

        Assert.Equal(new TakenShare(2, Priority: false), place);
        Assert.Equal(Count(openTaken: 2, priorityTaken: 0), count);
    }

    [Fact]
    public void ABalitaOrLansiaTakesFromThePriorityShareWhileItLasts()
    {
        var (first, priority) = DayPlaces.Take(Day, Count(openTaken: 0, priorityTaken: 0), priority: true, held: false);
        var (second, open) = DayPlaces.Take(Day, first, priority: true, held: false);

        Assert.Equal(new TakenShare(1, Priority: true), priority);
        Assert.Equal(new TakenShare(2, Priority: false), open);
        Assert.Equal(Count(openTaken: 1, priorityTaken: 1), second);
    }

    [Fact]
    public void WhenTheOpenShareIsTakenOnlyThePriorityShareIsLeft()
    {
        var full = Count(openTaken: 3, priorityTaken: 0);

        Assert.Null(DayPlaces.Take(Day, full, priority: false, held: false).Place);
        Assert.Equal(new TakenShare(4, Priority: true), DayPlaces.Take(Day, full, priority: true, held: false).Place);
    }

    [Fact]
    public void NoPlaceGoesPastTheSlots()
    {
        var (count, place) = DayPlaces.Take(Day, Count(openTaken: 1, priorityTaken: 0, skipped: 3), priority: true, held: false);

        Assert.Null(place);
        Assert.Equal(Count(openTaken: 1, priorityTaken: 0, skipped: 3), count);
    }

    [Fact]
    public void ADayHeldForItsDrawGivesNoPlaceFirstCome() =>
        Assert.Null(DayPlaces.Take(Day, Count(openTaken: 0, priorityTaken: 0), priority: true, held: true).Place);

    [Fact]
    public void OnTheDayItselfThePlacesOfClosedSlotsArePassedOverFirst()
    {
        // 08:00 WIB: the first slot's check-in has closed, so places 1 and 2 are skipped and the next is 3.
        var sameDay = BookingPlanner.DayPlanFor(
            new PassportQueue.Core.Offices.OfficeCalendar(Builders.Settings()), new DateOnly(2026, 12, 2), new DateTimeOffset(2026, 12, 2, 0, 45, 0, TimeSpan.Zero));

        var (count, place) = DayPlaces.Take(sameDay, Count(openTaken: 1, priorityTaken: 0), priority: false, held: false);

        Assert.Equal(new TakenShare(3, Priority: false), place);
        Assert.Equal(Count(openTaken: 2, priorityTaken: 0, skipped: 1), count);
    }

    private static DayCount Count(int openTaken, int priorityTaken, int skipped = 0) =>
        new(Day.Date, Day.Quota, Day.PriorityQuota, openTaken, priorityTaken, skipped, Day.Capacity);
}
