using SkiaSharp;

namespace PassportQueue.Tests.Web.Rings;

/// <summary>Real images for the same-photo signal: one "e-KTP" photo, the same re-compressed at another size, and another photo.</summary>
internal static class TestPhotos
{
    public static readonly byte[] Card = Draw(600, 380, seed: 1, SKEncodedImageFormat.Png, 100);

    /// <summary>The same card, resized and re-compressed as a JPEG (what forwarding a photo on WhatsApp does).</summary>
    public static readonly byte[] CardForwarded = Draw(300, 190, seed: 1, SKEncodedImageFormat.Jpeg, 60);

    public static readonly byte[] OtherCard = Draw(600, 380, seed: 2, SKEncodedImageFormat.Png, 100);

    private static byte[] Draw(int width, int height, int seed, SKEncodedImageFormat format, int quality)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var random = new Random(seed);
        using var paint = new SKPaint { IsAntialias = true };
        // Blocks of grey at places the seed picks: what matters to a difference hash is where it is light and dark.
        for (var i = 0; i < 14; i++)
        {
            var shade = (byte)random.Next(0, 230);
            paint.Color = new SKColor(shade, shade, (byte)Math.Min(255, shade + 20));
            var (x, y) = (random.NextSingle() * 0.8f, random.NextSingle() * 0.8f);
            var (w, h) = (0.1f + (random.NextSingle() * 0.3f), 0.1f + (random.NextSingle() * 0.3f));
            canvas.DrawRect(x * width, y * height, w * width, h * height, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
