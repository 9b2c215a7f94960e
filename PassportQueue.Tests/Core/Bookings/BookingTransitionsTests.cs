using PassportQueue.Core.Bookings;

namespace PassportQueue.Tests.Core.Bookings;

public sealed class BookingTransitionsTests
{
    [Theory]
    [InlineData(BookingState.Booked, BookingState.Arrived)]
    [InlineData(BookingState.Booked, BookingState.Forfeited)]
    [InlineData(BookingState.Arrived, BookingState.Completed)]
    [InlineData(BookingState.Arrived, BookingState.Returned)]
    public void AllowsTheMovesTheRulesDescribe(BookingState from, BookingState to) => Assert.True(BookingTransitions.Allows(from, to));

    [Theory]
    [InlineData(BookingState.Booked, BookingState.Completed)]
    [InlineData(BookingState.Arrived, BookingState.Forfeited)]
    [InlineData(BookingState.Forfeited, BookingState.Arrived)]
    [InlineData(BookingState.Completed, BookingState.Returned)]
    [InlineData(BookingState.Returned, BookingState.Booked)]
    public void RefusesEveryOtherMove(BookingState from, BookingState to) => Assert.False(BookingTransitions.Allows(from, to));

    [Fact]
    public void CountsOnlyBookedAndArrivedAsActive() =>
        Assert.Equal([BookingState.Booked, BookingState.Arrived], Enum.GetValues<BookingState>().Where(BookingTransitions.IsActive));
}
