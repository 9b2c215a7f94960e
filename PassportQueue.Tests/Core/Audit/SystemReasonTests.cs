using PassportQueue.Core.Audit;

namespace PassportQueue.Tests.Core.Audit;

public sealed class SystemReasonTests
{
    [Fact]
    public void ReadsBackWhatItStored()
    {
        var stored = SystemReason.Of(ReasonCode.TriedToBook, "SITI AMINAH").Stored;

        Assert.True(SystemReason.TryRead(stored, out var read));
        Assert.Equal(ReasonCode.TriedToBook, read.Code);
        Assert.Equal(["SITI AMINAH"], read.Values);
    }

    [Theory]
    [InlineData("dokumen tidak lengkap")]
    [InlineData("~NoSuchCode|1")]
    [InlineData(null)]
    public void LeavesTypedAndUnknownReasonsAlone(string? typed) => Assert.False(SystemReason.TryRead(typed, out _));

    [Fact]
    public void KeepsAValueWithTheSeparatorInOnePiece()
    {
        Assert.True(SystemReason.TryRead(SystemReason.Of(ReasonCode.TriedToBook, "A|B").Stored, out var read));

        Assert.Equal(["A/B"], read.Values);
    }
}
