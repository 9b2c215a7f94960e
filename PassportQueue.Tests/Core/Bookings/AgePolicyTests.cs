using PassportQueue.Core.Bookings;

namespace PassportQueue.Tests.Core.Bookings;

public sealed class AgePolicyTests
{
    [Fact]
    public void IsBalitaTheDayBeforeTheFifthBirthday() =>
        Assert.Equal(AgeGroup.Balita, AgePolicy.Classify(new DateOnly(2021, 12, 10), new DateOnly(2026, 12, 9)));

    [Fact]
    public void IsAdultOnTheFifthBirthday() =>
        Assert.Equal(AgeGroup.Adult, AgePolicy.Classify(new DateOnly(2021, 12, 10), new DateOnly(2026, 12, 10)));

    [Fact]
    public void IsAdultTheDayBeforeTheSixtiethBirthday() =>
        Assert.Equal(AgeGroup.Adult, AgePolicy.Classify(new DateOnly(1966, 12, 10), new DateOnly(2026, 12, 9)));

    [Fact]
    public void IsLansiaOnTheSixtiethBirthday() =>
        Assert.Equal(AgeGroup.Lansia, AgePolicy.Classify(new DateOnly(1966, 12, 10), new DateOnly(2026, 12, 10)));

    [Fact]
    public void CountsALeapDayBirthdayOnTheFirstOfMarchInCommonYears()
    {
        var birth = new DateOnly(2020, 2, 29);

        Assert.Equal(4, AgePolicy.AgeOn(birth, new DateOnly(2025, 2, 28)));
        Assert.Equal(5, AgePolicy.AgeOn(birth, new DateOnly(2025, 3, 1)));
        Assert.Equal(8, AgePolicy.AgeOn(birth, new DateOnly(2028, 2, 29)));
    }
}
