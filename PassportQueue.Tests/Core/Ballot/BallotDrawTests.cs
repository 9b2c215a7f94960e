using PassportQueue.Core.Ballot;

namespace PassportQueue.Tests.Core.Ballot;

public sealed class BallotDrawTests
{
    /// <summary>The worked example of README's "How a draw can be checked" (also computed independently with Python's hmac).</summary>
    private static readonly byte[] VectorSeed = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static readonly BallotEntrant[] VectorEntries =
    [
        new("E-7K3M9QX2WD", 1, false), new("E-B5TNPE8C4R", 2, false), new("E-QZ2HJ61MVX", 1, true), new("E-D9W4KS0AGN", 3, false),
    ];

    [Fact]
    public void MatchesThePublishedTestVector()
    {
        Assert.Equal("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", BallotDraw.Commitment(VectorSeed));
        Assert.Equal(0.6490391074430536, BallotDraw.Uniform(VectorSeed, "E-7K3M9QX2WD"), 1e-15);
        Assert.Equal(-0.4287430209657204, BallotDraw.Key(VectorSeed, "E-B5TNPE8C4R", 2), 1e-15);

        var ranked = BallotDraw.Draw(VectorSeed, VectorEntries, priorityPlaces: 1, openPlaces: 1);

        Assert.Equal(["E-B5TNPE8C4R", "E-7K3M9QX2WD", "E-D9W4KS0AGN", "E-QZ2HJ61MVX"], ranked.Select(r => r.Entrant.EntryId));
        Assert.Equal([DrawResult.Won, DrawResult.NotDrawn, DrawResult.NotDrawn, DrawResult.Won], ranked.Select(r => r.Result));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void GivesTheSameOrderForTheSameSeedAndEntriesInAnyOrder()
    {
        var entries = Enumerable.Range(0, 200).Select(i => new BallotEntrant($"E-{i:D8}", 1 + (i % 3), i % 7 == 0)).ToList();
        var seed = BallotDraw.NewSeed();

        var first = BallotDraw.Draw(seed, entries, 5, 20);
        var shuffled = BallotDraw.Draw(seed, entries.OrderBy(e => e.EntryId.GetHashCode(StringComparison.Ordinal)), 5, 20);

        Assert.Equal(first.Select(r => (r.Entrant.EntryId, r.Rank, r.Result)), shuffled.Select(r => (r.Entrant.EntryId, r.Rank, r.Result)));
        Assert.NotEqual(first.Select(r => r.Entrant.EntryId), BallotDraw.Draw(BallotDraw.NewSeed(), entries, 5, 20).Select(r => r.Entrant.EntryId));
    }

    [Fact]
    public void AnEntrantOfWeightTwoWinsAboutTwiceAsOftenAsOneOfWeightOneWhenPlacesAreScarce()
    {
        // Fixed in advance: 200 entrants, half of weight 1 and half of weight 2, 4 places, 3,000 draws
        // from seeds of a seeded generator. Over so many draws the ratio of wins lies within 1.8-2.2.
        var entries = Enumerable.Range(0, 200).Select(i => new BallotEntrant($"E-{i:D8}", 1 + (i % 2), false)).ToList();
        var random = new Random(20261201);
        var wins = new int[3];
        var seed = new byte[BallotDraw.SeedLength];
        for (var draw = 0; draw < 3_000; draw++)
        {
            random.NextBytes(seed);
            foreach (var winner in BallotDraw.Draw(seed, entries, 0, 4).Where(r => r.Result == DrawResult.Won))
            {
                wins[winner.Entrant.Weight]++;
            }
        }

        var ratio = (double)wins[2] / wins[1];
        Assert.InRange(ratio, 1.8, 2.2);
    }

    [Fact]
    public void GivesThePriorityPlacesToPriorityEntrantsFirstAndTheOpenOnesToEveryoneElseInOrder()
    {
        var entries = Enumerable.Range(0, 60).Select(i => new BallotEntrant($"E-{i:D8}", 1, i < 10)).ToList();

        var ranked = BallotDraw.Draw(BallotDraw.NewSeed(), entries, priorityPlaces: 4, openPlaces: 6);

        var priorityWinners = ranked.Where(r => r.Entrant.Priority).Take(4).ToList();
        var openWinners = ranked.Except(priorityWinners).Take(6).ToList();
        Assert.Equal(
            priorityWinners.Concat(openWinners).Select(r => r.Rank).Order(),
            ranked.Where(r => r.Result == DrawResult.Won).Select(r => r.Rank));
    }

    [Fact]
    public void FewerEntrantsThanPlacesAllWin()
    {
        var ranked = BallotDraw.Draw(BallotDraw.NewSeed(), [new("E-1", 1, false), new("E-2", 1, true), new("E-3", 2, false)], 10, 40);

        Assert.All(ranked, r => Assert.Equal(DrawResult.Won, r.Result));
    }

    [Fact]
    public void ASingleEntrantWinsAnOpenPlace() =>
        Assert.Equal(DrawResult.Won, Assert.Single(BallotDraw.Draw(BallotDraw.NewSeed(), [new("E-1", 1, false)], 0, 1)).Result);

    [Fact]
    public void AnEntrantWithNoPlaceForTheirGroupIsNotDrawn()
    {
        var ranked = BallotDraw.Draw(BallotDraw.NewSeed(), [new("E-1", 1, false), new("E-2", 1, false)], priorityPlaces: 2, openPlaces: 0);

        Assert.All(ranked, r => Assert.Equal(DrawResult.NotDrawn, r.Result));
    }

    [Fact]
    public void BreaksEqualKeysByEntryId()
    {
        // The same id twice has the same u; with the same weight the keys tie exactly.
        var ranked = BallotDraw.Draw(BallotDraw.NewSeed(), [new("E-B", 1, false), new("E-B", 1, true), new("E-A", 1, false)], 0, 3);

        var tied = ranked.Where(r => r.Entrant.EntryId == "E-B").Select(r => r.Rank).ToList();
        Assert.Equal(2, tied.Count);
        Assert.Equal(1, Math.Abs(tied[0] - tied[1]));
    }

    [Theory]
    [InlineData(0, 3, 1)]
    [InlineData(1, 3, 2)]
    [InlineData(2, 3, 3)]
    [InlineData(7, 3, 3)]
    public void WeighsLossesInARowUpToTheCap(int lost, int cap, int weight) => Assert.Equal(weight, BallotWeight.Of(lost, cap));

    [Fact]
    public void AWinResetsTheLossesAndALossAddsOne()
    {
        Assert.Equal(0, BallotWeight.After(2, DrawResult.Won));
        Assert.Equal(3, BallotWeight.After(2, DrawResult.NotDrawn));
    }
}
