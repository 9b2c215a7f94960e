using PassportQueue.Core.Rings;
using PassportQueue.Web.Channel;

namespace PassportQueue.Tests.Web.Rings;

public sealed class PhotoHasherTests
{
    [Fact]
    public void TheSamePhotoResizedAndRecompressedHashesCloseAndAnotherFar()
    {
        var card = PhotoHasher.Of(TestPhotos.Card)!.Value;

        Assert.True(PhotoHash.Distance(card, PhotoHasher.Of(TestPhotos.CardForwarded)!.Value) <= new RingRules().PhotoDistance);
        Assert.True(PhotoHash.Distance(card, PhotoHasher.Of(TestPhotos.OtherCard)!.Value) > new RingRules().PhotoDistance);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData(new byte[0])]
    public void BytesThatAreNoImageHaveNoHashAndThrowNothing(byte[] bytes) => Assert.Null(PhotoHasher.Of(bytes));
}
