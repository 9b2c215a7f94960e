using System.Globalization;
using System.Numerics;

namespace PassportQueue.Core.Rings;

/// <summary>
/// A perceptual hash of an image (a difference hash): the image as 9×8 grey levels, one bit per
/// pair of horizontal neighbours (left brighter than right). Re-compressing or resizing a photo
/// changes few bits; a different photo changes about half.
/// </summary>
public static class PhotoHash
{
    /// <summary>Width of the grey grid the hash is taken from.</summary>
    public const int Width = 9;

    /// <summary>Height of the grey grid.</summary>
    public const int Height = 8;

    /// <summary>The hash of a 9×8 grid of grey levels, row by row.</summary>
    public static ulong Of(ReadOnlySpan<byte> grey)
    {
        if (grey.Length != Width * Height)
        {
            throw new ArgumentException($"A difference hash needs {Width}×{Height} grey levels.", nameof(grey));
        }

        ulong hash = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width - 1; x++)
            {
                hash = (hash << 1) | (grey[(y * Width) + x] > grey[(y * Width) + x + 1] ? 1UL : 0UL);
            }
        }

        return hash;
    }

    /// <summary>How many of the 64 bits differ.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The hash as 16 hex digits (a photo node's key).</summary>
    public static string Format(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);
}
