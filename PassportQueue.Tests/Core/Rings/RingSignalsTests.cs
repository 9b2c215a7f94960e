using PassportQueue.Core.Bookings;
using PassportQueue.Core.Rings;

namespace PassportQueue.Tests.Core.Rings;

public sealed class RingSignalsTests
{
    private static readonly RingRules Rules = new();
    private static readonly DateTime At = new(2026, 12, 1, 0, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static BookingFact Fact(
        string phone, string person, string? address = null, ulong? photo = null, bool dependant = false, DateOnly? born = null,
        bool forfeited = false, int seconds = 0, DateOnly? date = null) =>
        new($"BTM-{phone[^4..]}{person.Length:D4}", phone, $"{person}|{(born ?? new DateOnly(1990, 1, 1)):yyyy-MM-dd}", person, born ?? new DateOnly(1990, 1, 1),
            address, dependant, date ?? Day.AddDays(7), forfeited, At.AddSeconds(seconds), Day, photo);

    [Fact]
    public void OnePhotoWithDifferentIdentitiesFromDifferentNumbersIsOneSignalLinkingThemAll()
    {
        const ulong photo = 0xF0F0_F0F0_1234_5678;
        var facts = new[]
        {
            Fact("+6281100000001", "ANI", photo: photo),
            Fact("+6281100000002", "BUDI", photo: photo ^ 0b101),     // the same photo re-compressed: 2 bits differ
            Fact("+6281100000003", "CITRA", photo: ~photo),           // another photo
        };

        var signal = Assert.Single(RingSignals.SamePhoto(facts, Rules));

        Assert.Equal(SignalKind.SamePhoto, signal.Kind);
        Assert.Equal(["+6281100000001", "+6281100000002"], signal.Evidence.Select(e => e.Phone));
        Assert.Contains(new RingEdge(RingNode.Number("+6281100000002"), RingNode.Identity("BUDI|1990-01-01")), signal.Edges);
        Assert.Equal(["2", "2", "2"], signal.Figures);
    }

    [Fact]
    public void OnePersonSendingTheirOwnPhotoTwiceOrForTheirDependantsIsNoSignal()
    {
        var facts = new[]
        {
            Fact("+6281100000001", "ANI", photo: 42), Fact("+6281100000001", "ANI", photo: 42, seconds: 60),
            Fact("+6281100000001", "ANAK ANI", photo: 42, dependant: true, born: new DateOnly(2023, 5, 5)),
        };

        Assert.Empty(RingSignals.SamePhoto(facts, Rules));
        Assert.Single(RingSignals.SamePhoto([.. facts, Fact("+6281100000001", "BUDI", photo: 42)], Rules));
    }

    [Fact]
    public void AnAddressUsedByMoreNumbersInADayThanAHouseholdHasIsASignal()
    {
        var household = Enumerable.Range(1, 3).Select(i => Fact($"+628110000000{i}", $"WARGA{i}", address: "Jl. Melati No. 5, RT 03/RW 05")).ToList();

        Assert.Empty(RingSignals.SameAddress(household, Rules));

        var ring = household.Append(Fact("+6281100000009", "WARGA9", address: "JALAN MELATI NOMOR 05 RT3 RW5")).ToList();
        var signal = Assert.Single(RingSignals.SameAddress(ring, Rules));
        Assert.Equal("4", signal.Figures[1]);
        Assert.Contains(new RingEdge(RingNode.Address("JALAN MELATI NOMOR 5 RT 3 RW 5"), RingNode.Identity("WARGA9|1990-01-01")), signal.Edges);
    }

    [Fact]
    public void ANumberKeptRegisteringDependantsPastItsCapIsASignalButOneRefusalIsNot()
    {
        var held = Enumerable.Range(1, 3).Select(i => Fact("+6281100000001", $"ANAK{i}", dependant: true, born: new DateOnly(2023, 1, 1))).ToList();
        var oneTry = new[] { Fact("+6281100000001", "ANAK4", dependant: true) };
        var tries = oneTry.Append(Fact("+6281100000001", "ANAK5", dependant: true)).ToList();

        Assert.Empty(RingSignals.DependantsAtCap(held, oneTry, new BookingRules(), Rules));
        var signal = Assert.Single(RingSignals.DependantsAtCap(held, tries, new BookingRules(), Rules));
        Assert.Equal(5, signal.Edges.Count);
    }

    [Theory]
    [InlineData(2021, 12, 20, true)]   // turns five on 20 December 2026: 12 days inside the balita limit
    [InlineData(2023, 6, 1, false)]    // three and a half
    [InlineData(1966, 11, 20, true)]   // sixty since 20 November: inside the lansia limit
    [InlineData(1950, 1, 1, false)]    // seventy-six
    public void AgesJustInsideALimitAreAtTheLimit(int year, int month, int day, bool atLimit) =>
        Assert.Equal(atLimit, RingSignals.AtAgeLimit(new DateOnly(year, month, day), Day.AddDays(7), 60));

    [Fact]
    public void DependantsWhoseAgesClusterAtTheLimitsAreASignal()
    {
        var dependants = new[]
        {
            Fact("+6281100000001", "ANAK", dependant: true, born: new DateOnly(2021, 12, 20)),
            Fact("+6281100000001", "NENEK", dependant: true, born: new DateOnly(1966, 11, 20)),
            Fact("+6281100000002", "BAYI", dependant: true, born: new DateOnly(2025, 1, 1)),
        };

        var signal = Assert.Single(RingSignals.DependantAgesAtLimits(dependants, Rules));
        Assert.Equal("dependant-ages|+6281100000001", signal.Key);
    }

    [Fact]
    public void ABurstOfOneMessageNumbersRightAfterAReleaseIsOneSignal()
    {
        var release = At;
        var burst = Enumerable.Range(0, 10).Select(i => new NumberActivity($"+62811000001{i:D2}", release.AddSeconds(i * 3), 1, 1)).ToList();
        var talkative = new NumberActivity("+6281100000200", release.AddSeconds(2), 3, 1);
        var late = new NumberActivity("+6281100000300", release.AddMinutes(5), 1, 1);

        var signal = Assert.Single(RingSignals.ReleaseBurst([.. burst, talkative, late], [release], Rules));

        Assert.Equal(9, signal.Edges.Count);
        Assert.DoesNotContain(signal.Evidence, e => e.Phone is "+6281100000200" or "+6281100000300");
        Assert.Empty(RingSignals.ReleaseBurst(burst[..9], [release], Rules));
    }

    [Fact]
    public void ConsecutiveNumbersFromThreeOnAreASeries()
    {
        var numbers = new[] { "+6281100000101", "+6281100000102", "+6281100000103", "+6281100000105", "+6281100000106" }
            .Select(p => new NumberActivity(p, At, 1, 1)).ToList();

        var signal = Assert.Single(RingSignals.NumberSeries(numbers, Rules));

        Assert.Equal(["+6281100000101", "+6281100000103", "3"], signal.Figures);
    }

    [Fact]
    public void NumbersAndAddressesForfeitingFarAboveTheOfficeAverageAreSignals()
    {
        var office = Enumerable.Range(0, 20).Select(i => Fact($"+62811000010{i:D2}", $"P{i}", forfeited: i == 0)).ToList();
        var noShows = Enumerable.Range(0, 3).Select(i => Fact("+6281100000999", $"Q{i}", address: "Gg. Mawar 1", forfeited: i < 2)).ToList();

        var signals = RingSignals.NoShowRate([.. office, .. noShows], Rules).ToList();

        Assert.Equal(["no-show|Number|+6281100000999", "no-show|Address|GANG MAWAR 1"], signals.Select(s => s.Key));
        Assert.Equal(["2", "3", "67", "13"], signals[0].Figures);
        Assert.Empty(RingSignals.NoShowRate(office, Rules));
    }

    [Fact]
    public void NamesOneEditApartWithTheSameBirthDateArePossiblyOnePerson()
    {
        var facts = new[] { Fact("+6281100000001", "RINA"), Fact("+6281100000002", "RINI"), Fact("+6281100000003", "RUDY"), Fact("+6281100000004", "RINO", born: new DateOnly(1991, 1, 1)) };

        var signal = Assert.Single(RingSignals.PossibleSamePerson(facts));

        Assert.Equal("same-person|RINA|1990-01-01|RINI|1990-01-01", signal.Key);
    }

    [Fact]
    public void ARingIsTheConnectedGroupTheSignalsLink()
    {
        var (n1, n2, n3, n4) = (RingNode.Number("+1"), RingNode.Number("+2"), RingNode.Number("+3"), RingNode.Number("+4"));
        var photo = RingNode.Photo(7);
        var rings = RingGraph.Build(
        [
            new SignalEdges(5, SignalKind.SamePhoto, [new(photo, n1), new(photo, n2)]),
            new SignalEdges(3, SignalKind.NumberSeries, [new(n2, n3)]),
            new SignalEdges(9, SignalKind.NoShowRate, [new(n4, n4)]),
        ]);

        Assert.Equal(2, rings.Count);
        Assert.Equal(3, rings[0].Id);
        Assert.Equal(["+1", "+2", "+3"], rings[0].Numbers);
        Assert.Equal([3L, 5L], rings[0].Signals.Select(s => s.SignalId));
        Assert.Equal(["+4"], rings[1].Numbers);
    }

    [Theory]
    [InlineData("Jl. Melati No. 5, RT 03/RW 05", "JALAN MELATI NOMOR 5 RT 3 RW 5")]
    [InlineData("JLN MELATI NO 005 RT003 RW005", "JALAN MELATI NOMOR 5 RT 3 RW 5")]
    [InlineData("jalan   mélati nomer 5 rt 3 / rw 5", "JALAN MELATI NOMOR 5 RT 3 RW 5")]
    [InlineData("Gg. Ma'war Blk C-2", "GANG MAWAR BLOK C 2")]
    public void AddressesAreComparedByTheirKey(string written, string key) => Assert.Equal(key, AddressKey.For(written));

    [Fact]
    public void APhotoHashChangesLittleForTheSameImageAndMuchForAnother()
    {
        var grey = Enumerable.Range(0, 72).Select(i => (byte)((i * 37) % 251)).ToArray();
        var brighter = grey.Select(g => (byte)Math.Min(255, g + 3)).ToArray();
        var other = grey.Reverse().ToArray();

        Assert.Equal(0, PhotoHash.Distance(PhotoHash.Of(grey), PhotoHash.Of(brighter)));
        Assert.True(PhotoHash.Distance(PhotoHash.Of(grey), PhotoHash.Of(other)) > Rules.PhotoDistance);
        Assert.Throws<ArgumentException>(() => PhotoHash.Of(grey.AsSpan(0, 10)));
    }
}
