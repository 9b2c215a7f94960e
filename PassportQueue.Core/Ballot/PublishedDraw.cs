using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassportQueue.Core.Ballot;

/// <summary>
/// A draw as the public page publishes it (<c>draw.json</c>): everything needed to compute it again,
/// and nothing personal. The seed is empty until the draw has run.
/// </summary>
public sealed record PublishedDraw(
    string Method,
    string Office,
    DateOnly Date,
    string Commitment,
    string? Seed,
    int PriorityPlaces,
    int OpenPlaces,
    IReadOnlyList<PublishedEntry> Entries)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The published JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a published draw; null when the text is not one.</summary>
    public static PublishedDraw? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishedDraw>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One entry of a published draw.</summary>
/// <param name="Entry">The pseudonymous entry id.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Group">Priority (balita, lansia) or open.</param>
/// <param name="Rank">Its place in the draw order (0 before the draw).</param>
/// <param name="Result">Won or not drawn (null before the draw).</param>
public sealed record PublishedEntry(string Entry, int Weight, EntryGroup Group, int Rank, DrawResult? Result);

/// <summary>Which places an entry draws for first.</summary>
public enum EntryGroup
{
    /// <summary>Everyone: the open places.</summary>
    Open = 0,

    /// <summary>Balita and lansia: the priority places first, then the open ones.</summary>
    Priority = 1,
}
