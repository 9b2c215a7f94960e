using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PassportQueue.Core.Ballot;

/// <summary>
/// The draw of one office day, method <see cref="Method"/>: a weighted random order computed from
/// the seed and the entries alone, so that anyone holding both can compute it again.
/// <list type="number">
/// <item>u = the first 8 bytes of HMAC-SHA256(key: seed, message: the entry id in UTF-8), read as
/// a big-endian unsigned integer x, then u = (x + 0.5) / 2^64, a number in (0, 1).</item>
/// <item>key = ln(u) / weight (the logarithm of u^(1/weight): the same order, without rounding
/// u^(1/weight) to 1). Entries are ranked by key, highest first; equal keys by entry id (ordinal).</item>
/// <item>Walking the order, priority entrants (balita, lansia) take the priority places; then,
/// walking it again, everyone not yet drawn takes the open places. Winners get slots in rank order.</item>
/// </list>
/// The seed is committed to before the entry period opens: its SHA-256 (<see cref="Commitment"/>) is
/// published then, the seed itself after the draw.
/// </summary>
public static class BallotDraw
{
    /// <summary>The name of this method, written into every published draw.</summary>
    public const string Method = "pq-ballot-v1";

    /// <summary>Length of a seed in bytes.</summary>
    public const int SeedLength = 32;

    /// <summary>A new secret seed from a cryptographic source.</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    /// <summary>The published commitment to a seed: SHA-256 of the seed's bytes, in lower-case hex.</summary>
    public static string Commitment(ReadOnlySpan<byte> seed) => Convert.ToHexStringLower(SHA256.HashData(seed));

    /// <summary>The entry's number in (0, 1), from the seed and the entry id.</summary>
    public static double Uniform(ReadOnlySpan<byte> seed, string entryId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(seed, Encoding.UTF8.GetBytes(entryId), mac);
        var x = BinaryPrimitives.ReadUInt64BigEndian(mac);
        return (x + 0.5) / 18446744073709551616.0;
    }

    /// <summary>The entry's sort key: ln(u) / weight, highest first.</summary>
    public static double Key(ReadOnlySpan<byte> seed, string entryId, int weight) =>
        weight >= 1 ? Math.Log(Uniform(seed, entryId)) / weight : throw new ArgumentOutOfRangeException(nameof(weight), weight, "Weights start at 1.");

    /// <summary>Ranks the entrants and gives out the places: see the method above.</summary>
    public static IReadOnlyList<RankedEntrant> Draw(ReadOnlySpan<byte> seed, IEnumerable<BallotEntrant> entrants, int priorityPlaces, int openPlaces)
    {
        var keyed = new List<(BallotEntrant Entrant, double Key)>();
        foreach (var entrant in entrants)
        {
            keyed.Add((entrant, Key(seed, entrant.EntryId, entrant.Weight)));
        }

        keyed.Sort((a, b) => b.Key != a.Key ? b.Key.CompareTo(a.Key) : string.CompareOrdinal(a.Entrant.EntryId, b.Entrant.EntryId));
        var won = new bool[keyed.Count];
        var left = priorityPlaces;
        for (var i = 0; i < keyed.Count && left > 0; i++)
        {
            if (keyed[i].Entrant.Priority)
            {
                won[i] = true;
                left--;
            }
        }

        left = openPlaces;
        for (var i = 0; i < keyed.Count && left > 0; i++)
        {
            if (!won[i])
            {
                won[i] = true;
                left--;
            }
        }

        return [.. keyed.Select((k, i) => new RankedEntrant(k.Entrant, i + 1, k.Key, won[i] ? DrawResult.Won : DrawResult.NotDrawn))];
    }
}
