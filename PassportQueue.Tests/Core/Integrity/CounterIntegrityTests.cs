using PassportQueue.Core.Integrity;

namespace PassportQueue.Tests.Core.Integrity;

public sealed class CounterIntegrityTests
{
    // Bogor (WIB, UTC+7): first slot 08:00 local = 01:00 UTC, 30-minute slots.
    private static readonly PassportQueue.Core.Offices.Office Bogor = Builders.Office(Builders.Settings());
    private static readonly DateOnly Day = new(2026, 12, 2);

    private static CheckInFact CheckIn(long id, string officer, int slot, int localHour, int localMinute) =>
        new(id, officer, $"BGR-{id:D8}", Day, new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc).AddMinutes(30 * slot), slot,
            new DateTime(2026, 12, 2, localHour, localMinute, 0, DateTimeKind.Utc).AddHours(-7));

    [Fact]
    public void ACheckInOfALaterSlotJustBeforeAnEarlierOneIsOutOfSlotOrder()
    {
        var checkIns = new[] { CheckIn(1, "ani", 0, 7, 40), CheckIn(2, "ani", 3, 8, 50), CheckIn(3, "ani", 1, 8, 55), CheckIn(4, "budi", 2, 8, 56) };

        var finding = Assert.Single(CounterIntegrity.Find(Bogor, checkIns, []));

        Assert.Equal((IntegrityCheck.OutOfSlotOrder, 2L, "ani"), (finding.Check, finding.AuditId, finding.Officer));
    }

    [Fact]
    public void CheckInsBeforeOpeningOrLongBeforeTheSlotAreFound()
    {
        var checkIns = new[] { CheckIn(1, "ani", 0, 6, 0), CheckIn(2, "ani", 6, 9, 10), CheckIn(3, "ani", 6, 10, 30) };

        var findings = CounterIntegrity.Find(Bogor, checkIns, []);

        Assert.Equal([(IntegrityCheck.BeforeOpening, 1L), (IntegrityCheck.OutsideSlotHour, 2L)], findings.Select(f => (f.Check, f.AuditId)));
    }

    [Fact]
    public void CompletionsWithoutACheckInOrForAFlaggedNumberAreFound()
    {
        var at = new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);
        var completions = new[]
        {
            new CompletionFact(10, "ani", "BGR-A", at, HadCheckIn: true, NumberFlagged: false),
            new CompletionFact(11, "ani", "BGR-B", at, HadCheckIn: false, NumberFlagged: false),
            new CompletionFact(12, "budi", "BGR-C", at, HadCheckIn: true, NumberFlagged: true),
        };

        var findings = CounterIntegrity.Find(Bogor, [], completions);

        Assert.Equal([(IntegrityCheck.CompletedWithoutCheckIn, 11L), (IntegrityCheck.CompletedFlaggedNumber, 12L)], findings.Select(f => (f.Check, f.AuditId)));
    }

    [Fact]
    public void EachOfficersRatesStandBesideTheOfficesAverage()
    {
        var checkIns = new[] { CheckIn(1, "ani", 0, 6, 0), CheckIn(2, "ani", 0, 7, 45), CheckIn(3, "budi", 0, 7, 40), CheckIn(4, "budi", 1, 8, 10) };
        var findings = CounterIntegrity.Find(Bogor, checkIns, []);

        var (office, officers) = CounterIntegrity.Rates(checkIns, [], findings);

        Assert.Equal(0.25, office.Rate(IntegrityCheck.BeforeOpening));
        Assert.Equal(["ani", "budi"], officers.Select(o => o.Officer));
        Assert.Equal(0.5, officers[0].Rate(IntegrityCheck.BeforeOpening));
        Assert.Equal(0, officers[1].Rate(IntegrityCheck.BeforeOpening));
        Assert.Equal(0, officers[1].Rate(IntegrityCheck.CompletedWithoutCheckIn));
    }
}
