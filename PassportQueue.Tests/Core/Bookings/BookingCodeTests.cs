using PassportQueue.Core.Bookings;

namespace PassportQueue.Tests.Core.Bookings;

public sealed class BookingCodeTests
{
    [Fact]
    public void IssuesOfficeCodeDashAndEightCrockfordCharacters()
    {
        var code = BookingCode.New("bgr").Value;

        Assert.Matches("^BGR-[0-9A-HJKMNP-TV-Z]{8}$", code);
    }

    [Fact]
    public void DrawsDifferentCodesEachTime()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => BookingCode.New("BGR").Value).ToHashSet();

        Assert.Equal(10_000, codes.Count);
    }

    [Theory]
    [InlineData("BGR-7K3M9QX2")]
    [InlineData("bgr-7k3m9qx2")]
    [InlineData("BGR7K3M9QX2")]
    [InlineData("  bgr 7k3m 9qx2 ")]
    public void AcceptsTheCodeInAnyCaseWithOrWithoutTheDash(string typed)
    {
        Assert.True(BookingCode.TryParse(typed, out var code));
        Assert.Equal("BGR-7K3M9QX2", code.Value);
        Assert.Equal("BGR", code.OfficeCode);
    }

    [Fact]
    public void ReadsLookAlikeLettersAsDigits()
    {
        Assert.True(BookingCode.TryParse("BGR-7K3MOQXI", out var code));
        Assert.Equal("BGR-7K3M0QX1", code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BGR-7K3M9QX")]
    [InlineData("BGR-7K3M9QX2Z")]
    [InlineData("BGR-7K3M9QU2")]
    [InlineData("12-7K3M9QX2")]
    [InlineData("'; DROP TABLE Bookings;--")]
    public void RefusesWhatCannotBeACode(string? typed) => Assert.False(BookingCode.TryParse(typed, out _));
}
