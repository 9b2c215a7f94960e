using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Tests.Core.Blacklist;

public sealed class NoShowPolicyTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void BlacklistsAtTheRulesLimit(int noShows, bool blacklisted) =>
        Assert.Equal(blacklisted, NoShowPolicy.Blacklists(noShows, new BookingRules { AutoBlacklistAfterNoShows = 2 }));

    [Fact]
    public void NeverBlacklistsWhenTheLimitIsOff() =>
        Assert.False(NoShowPolicy.Blacklists(50, new BookingRules { AutoBlacklistAfterNoShows = 0 }));
}
