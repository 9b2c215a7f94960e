using PassportQueue.Core.Rings;
using SkiaSharp;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The perceptual hash of an e-KTP photo (<see cref="PhotoHash"/>): decoded with Skia, scaled
/// down to 9×8 and turned grey. Null for bytes that are no image Skia can decode.
/// </summary>
public static class PhotoHasher
{
    /// <summary>The image's hash, or null for bytes that are no image (a photo that cannot be hashed still books; it just has no hash).</summary>
    public static ulong? Of(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width < 1 || codec.Info.Height < 1)
        {
            return null;
        }

        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return null;
        }

        using var small = bitmap.Resize(new SKImageInfo(PhotoHash.Width, PhotoHash.Height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (small is null)
        {
            return null;
        }

        Span<byte> grey = stackalloc byte[PhotoHash.Width * PhotoHash.Height];
        for (var y = 0; y < PhotoHash.Height; y++)
        {
            for (var x = 0; x < PhotoHash.Width; x++)
            {
                var c = small.GetPixel(x, y);
                grey[(y * PhotoHash.Width) + x] = (byte)(((c.Red * 299) + (c.Green * 587) + (c.Blue * 114)) / 1000);
            }
        }

        return PhotoHash.Of(grey);
    }
}
