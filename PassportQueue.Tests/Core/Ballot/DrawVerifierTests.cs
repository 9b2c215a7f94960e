using PassportQueue.Core.Ballot;

namespace PassportQueue.Tests.Core.Ballot;

public sealed class DrawVerifierTests
{
    [Fact]
    public void AcceptsADrawExactlyAsTheMethodGivesIt() => Assert.Empty(DrawVerifier.Problems(Published()));

    [Fact]
    public void ReadsBackWhatItPublishes() =>
        Assert.Empty(DrawVerifier.Problems(PublishedDraw.FromJson(Published().ToJson())!));

    [Fact]
    public void FindsAWinnerMovedUpTheList()
    {
        var draw = Published();
        var entries = draw.Entries.ToList();
        var (loser, winner) = (entries.First(e => e.Result == DrawResult.NotDrawn), entries.First(e => e.Result == DrawResult.Won));
        entries[entries.IndexOf(loser)] = loser with { Rank = winner.Rank, Result = DrawResult.Won };

        var problem = Assert.Single(DrawVerifier.Problems(draw with { Entries = entries }));
        Assert.Equal((DrawProblemKind.RankDiffers, loser.Entry), (problem.Kind, problem.Subject));
    }

    [Fact]
    public void FindsASeedChosenAfterTheCommitment()
    {
        var problems = DrawVerifier.Problems(Published() with { Seed = Convert.ToHexStringLower(BallotDraw.NewSeed()) });

        Assert.Equal(DrawProblemKind.SeedDoesNotMatchCommitment, Assert.Single(problems).Kind);
    }

    [Fact]
    public void SaysWhenTheDrawHasNotRun() =>
        Assert.Equal(DrawProblemKind.NotDrawnYet, Assert.Single(DrawVerifier.Problems(Published() with { Seed = null })).Kind);

    [Fact]
    public void RefusesAnEntryListedTwice()
    {
        var draw = Published();

        Assert.Equal(DrawProblemKind.EntryListedTwice, Assert.Single(DrawVerifier.Problems(draw with { Entries = [.. draw.Entries, draw.Entries[0]] })).Kind);
    }

    [Fact]
    public void ReadsNothingFromTextThatIsNoDraw() => Assert.Null(PublishedDraw.FromJson("{ not json"));

    private static PublishedDraw Published()
    {
        var seed = BallotDraw.NewSeed();
        var entries = Enumerable.Range(0, 30).Select(i => new BallotEntrant($"E-{i:D8}", 1 + (i % 3), i % 5 == 0)).ToList();
        var ranked = BallotDraw.Draw(seed, entries, 2, 5);
        return new PublishedDraw(
            BallotDraw.Method, "JKP", new DateOnly(2026, 12, 16), BallotDraw.Commitment(seed), Convert.ToHexStringLower(seed), 2, 5,
            [.. ranked.Select(r => new PublishedEntry(r.Entrant.EntryId, r.Entrant.Weight, r.Entrant.Priority ? EntryGroup.Priority : EntryGroup.Open, r.Rank, r.Result))]);
    }
}
