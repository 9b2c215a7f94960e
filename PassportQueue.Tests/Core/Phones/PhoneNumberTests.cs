using PassportQueue.Core.Phones;

namespace PassportQueue.Tests.Core.Phones;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("081299004406")]
    [InlineData("0812 9900 4406")]
    [InlineData("+62 812-9900-4406")]
    [InlineData("+6281299004406")]
    [InlineData("whatsapp:+6281299004406")]
    [InlineData("WhatsApp:+62 812 9900 4406")]
    public void NormalisesEveryNotationToOneNumber(string text)
    {
        Assert.True(PhoneNumber.TryParse(text, out var number));
        Assert.Equal("+6281299004406", number.E164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("not a number")]
    [InlineData("whatsapp:")]
    [InlineData("+62 812")]
    public void RefusesWhatIsNotANumber(string? text) => Assert.False(PhoneNumber.TryParse(text, out _));

    [Fact]
    public void MasksAllButTheLastFourDigits()
    {
        var masked = PhoneNumber.Parse("+6281299004406").Masked;

        Assert.EndsWith("4406", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("8129900", masked, StringComparison.Ordinal);
    }
}
