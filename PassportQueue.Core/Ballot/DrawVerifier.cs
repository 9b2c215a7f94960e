namespace PassportQueue.Core.Ballot;

/// <summary>Checks a published draw without trusting the office: the seed against the commitment, then every rank and result.</summary>
public static class DrawVerifier
{
    /// <summary>What is wrong with a published draw; nothing when it is exactly what the method gives.</summary>
    public static IReadOnlyList<DrawProblem> Problems(PublishedDraw draw)
    {
        if (draw.Method != BallotDraw.Method)
        {
            return [new DrawProblem(DrawProblemKind.UnknownMethod, draw.Method)];
        }

        if (string.IsNullOrEmpty(draw.Seed))
        {
            return [new DrawProblem(DrawProblemKind.NotDrawnYet)];
        }

        byte[] seed;
        try
        {
            seed = Convert.FromHexString(draw.Seed);
        }
        catch (FormatException)
        {
            return [new DrawProblem(DrawProblemKind.SeedNotHex)];
        }

        if (!string.Equals(BallotDraw.Commitment(seed), draw.Commitment, StringComparison.OrdinalIgnoreCase))
        {
            return [new DrawProblem(DrawProblemKind.SeedDoesNotMatchCommitment)];
        }

        if (draw.Entries.GroupBy(e => e.Entry, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return [new DrawProblem(DrawProblemKind.EntryListedTwice, twice.Key)];
        }

        var expected = BallotDraw.Draw(
                seed, draw.Entries.Select(e => new BallotEntrant(e.Entry, e.Weight, e.Group == EntryGroup.Priority)), draw.PriorityPlaces, draw.OpenPlaces)
            .ToDictionary(r => r.Entrant.EntryId, StringComparer.Ordinal);
        return
        [
            .. draw.Entries
                .Where(e => expected[e.Entry].Rank != e.Rank || expected[e.Entry].Result != e.Result)
                .Select(e => new DrawProblem(DrawProblemKind.RankDiffers, e.Entry, e.Rank, expected[e.Entry].Rank)),
        ];
    }
}

/// <summary>One thing wrong with a published draw.</summary>
/// <param name="Kind">What.</param>
/// <param name="Subject">The method or the entry concerned.</param>
/// <param name="PublishedRank">For a rank that differs: the rank published.</param>
/// <param name="ComputedRank">For a rank that differs: the rank the method gives.</param>
public sealed record DrawProblem(DrawProblemKind Kind, string? Subject = null, int PublishedRank = 0, int ComputedRank = 0);

/// <summary>The kinds of <see cref="DrawProblem"/>; each has its own text.</summary>
public enum DrawProblemKind
{
    /// <summary>Not this method.</summary>
    UnknownMethod = 0,

    /// <summary>No seed yet: the draw has not run.</summary>
    NotDrawnYet = 1,

    /// <summary>The seed is not hexadecimal.</summary>
    SeedNotHex = 2,

    /// <summary>The seed's SHA-256 is not the commitment published before the entry period.</summary>
    SeedDoesNotMatchCommitment = 3,

    /// <summary>An entry appears more than once.</summary>
    EntryListedTwice = 4,

    /// <summary>An entry's rank or result is not what the seed gives.</summary>
    RankDiffers = 5,
}
