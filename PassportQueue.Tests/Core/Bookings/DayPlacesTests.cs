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

    private static DayCount Count(int openTaken, int priorityTaken, int skipped = 0) =>
        new(Day.Date, Day.Quota, Day.PriorityQuota, openTaken, priorityTaken, skipped, Day.Capacity);
}
