using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Retention;
using PassportQueue.Tests.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Operations;

namespace PassportQueue.Tests.Web.Operations;

/// <summary>Personal data is pseudonymised 90 days after a booking ended, what is due and nothing else, and blacklists keep working.</summary>
public abstract class RetentionTests(DatabaseProvider provider)
{
    private const string Ani = "+6281234500001";
    private const string Budi = "+6281234500002";
    private const string Citra = "+6281234500003";
    private static readonly DateTimeOffset Ended = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task PseudonymisesWhatIsDueOnceAndNothingElse()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var (ani, budi, citra) = await ThreeEndedBookingsAsync(h);
        h.Clock.SetUtcNow(Ended.AddDays(RetentionPolicy.DefaultDays).AddHours(1));

        Assert.Equal(2, await h.Get<Pseudonymiser>().RunAsync(default));
        Assert.Equal(0, await h.Get<Pseudonymiser>().RunAsync(default));

        var rows = await h.QueryAsync(db => db.Bookings.AsNoTracking().OrderBy(b => b.Id).ToListAsync());
        var anisRow = rows.Single(b => b.Code == ani.Code);
        Assert.True(Pseudonyms.Is(anisRow.Name) && Pseudonyms.Is(anisRow.Phone) && Pseudonyms.Is(anisRow.PersonKey));
        Assert.Equal((new DateOnly(1987, 1, 1), (string?)null, ani.Code, BookingState.Forfeited), (anisRow.BirthDate, anisRow.Address, anisRow.Code, anisRow.State));
        Assert.NotNull(rows.Single(b => b.Code == budi.Code).PseudonymisedAtUtc);
        var citrasRow = rows.Single(b => b.Code == citra.Code);
        Assert.Equal(("CITRA DEWI", Citra, (DateTime?)null), (citrasRow.Name, citrasRow.Phone, citrasRow.PseudonymisedAtUtc));

        // Nothing personal of Ani's or Budi's is left about their bookings: not in the bookings, the messages, the replies, the audit.
        var everything = string.Join("\n", await h.QueryAsync(async db =>
            (await db.Bookings.Select(b => b.Name + b.Phone + b.PersonKey + b.BirthDate).ToListAsync())
            .Concat(await db.Messages.Select(m => m.Phone + " " + m.Body).ToListAsync())
            .Concat(await db.Outbox.Select(o => o.Phone + " " + o.Body).ToListAsync())
            .Concat(await db.AuditEntries.Where(a => a.BookingId != null).Select(a => a.Phone + " " + a.Reason).ToListAsync())));
        foreach (var personal in new[] { "ANI LESTARI", "25011987", "1987-01-25", Ani, "BUDI SANTOSO", Budi })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("CITRA DEWI", everything, StringComparison.Ordinal);
        var audit = await h.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Pseudonymised).OrderBy(a => a.BookingId).ToListAsync());
        Assert.Equal([anisRow.Id, rows.Single(b => b.Code == budi.Code).Id], audit.Select(a => a.BookingId!.Value));
        Assert.All(audit, a => Assert.Equal((Actor.System.Value, SystemReason.Of(ReasonCode.Retention, "90").Stored), (a.Actor, a.Reason)));
    }

    [SkippableFact]
    public async Task ABlacklistedPersonIsStillRefusedAfterTheirDataWasPseudonymised()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await ThreeEndedBookingsAsync(h);
        await h.Get<IPhoneRegistry>().BlacklistAsync(PhoneNumber.Parse(Ani), "calo", Actor.Staff("spv@bgr"), default);
        h.Clock.SetUtcNow(Ended.AddDays(RetentionPolicy.DefaultDays).AddHours(1));
        await h.Get<Pseudonymiser>().RunAsync(default);

        var owner = await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Ani));
        Assert.Equal(PhoneStanding.Blacklisted, owner.Standing);
        Assert.Null(owner.OwnerName);
        Assert.True(Pseudonyms.Is(owner.OwnerPersonKey));

        var fromTheSameNumber = await h.SendAsync(Ani, $"#ANI LESTARI#25011987#{Day(h, 3)}");
        var fromANewNumber = await h.SendAsync("+6281234500009", $"#Ani  Lestari#25011987#{Day(h, 3)}");
        var budiComesBack = await h.SendAsync(Budi, $"#BUDI SANTOSO#01011990#{Day(h, 3)}");

        Assert.Equal(RefusalReason.Blacklisted, Assert.IsType<BookingRefused>(fromTheSameNumber).Reason);
        Assert.Equal(RefusalReason.PersonUsesAnotherNumber, Assert.IsType<BookingRefused>(fromANewNumber).Reason);
        Assert.IsType<BookingConfirmed>(budiComesBack);
    }

    [SkippableFact]
    public async Task TwoNodesPseudonymiseEachBookingOnce()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await ThreeEndedBookingsAsync(h);
        await using var second = await h.SecondNodeAsync();
        var later = Ended.AddDays(RetentionPolicy.DefaultDays).AddHours(1);
        h.Clock.SetUtcNow(later);
        second.Clock.SetUtcNow(later);

        var runs = await Task.WhenAll(h.Get<Pseudonymiser>().RunAsync(default), second.Get<Pseudonymiser>().RunAsync(default));

        Assert.Equal(2, runs.Sum());
        Assert.Equal(2, await h.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Pseudonymised)));
    }

    private static async Task<(BookingView Ani, BookingView Budi, BookingView Citra)> ThreeEndedBookingsAsync(EngineHarness h)
    {
        var ani = await h.BookAsync(Ani, "#ANI LESTARI#25011987#02122026");
        var budi = await h.BookAsync(Budi, "#BUDI SANTOSO#01011990#02122026");
        h.Clock.SetUtcNow(Ended);
        Assert.Equal(2, await h.Counter.ForfeitLateAsync(null, Actor.System, default));
        // Citra's booking ends three weeks later: not due when theirs are.
        h.Clock.SetUtcNow(Ended.AddDays(20));
        var citra = await h.BookAsync(Citra, $"#CITRA DEWI#03031993#{Day(h, 1)}");
        h.Clock.SetUtcNow(Ended.AddDays(22));
        Assert.Equal(1, await h.Counter.ForfeitLateAsync(null, Actor.System, default));
        return (ani, budi, citra);
    }

    private static string Day(EngineHarness h, int daysAhead) => h.Clock.GetUtcNow().AddDays(daysAhead).ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task PseudonymisesTheEvidenceOfRingSignalsLastSeenThatLongAgoButKeepsTheirNumbers()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await h.BookAsync(Ani, "#RINA MARLINA#05051995#02122026");
        await h.BookAsync(Budi, "#RINI MARLINA#05051995#02122026");
        await h.BookAsync(Citra, "#JOKO#01011980#02122026");
        await h.Get<PassportQueue.Web.Rings.RingDetector>().ScanAsync(default);
        Assert.Equal(2, await h.QueryAsync(db => db.RingSignals.CountAsync()));

        await h.SendAsync(Citra, "LAPOR calo menawarkan kode di parkiran");

        h.Clock.SetUtcNow(Builders.Now.AddDays(RetentionPolicy.DefaultDays).AddHours(1));
        await h.Get<Pseudonymiser>().RunAsync(default);
        await h.Get<Pseudonymiser>().RunAsync(default);

        var report = await h.QueryAsync(db => db.ScalperReports.SingleAsync());
        Assert.True(Pseudonyms.Is(report.ReporterPhone));
        Assert.Equal("calo menawarkan kode di parkiran", report.Text);

        var evidence = await h.QueryAsync(db => db.RingSignals.Select(s => s.Evidence).ToListAsync());
        Assert.All(evidence, e => Assert.DoesNotContain("MARLINA", e, StringComparison.Ordinal));
        Assert.All(evidence, e => Assert.DoesNotContain("\"phone\":\"+62", e, StringComparison.Ordinal));
        Assert.All(evidence, e => Assert.DoesNotContain("1995-05-05", e, StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains("BGR-", StringComparison.Ordinal));
        var edges = await h.QueryAsync(db => db.RingEdges.ToListAsync());
        Assert.All(edges.Where(e => e.FromKind == PassportQueue.Core.Rings.NodeKind.Identity), e => Assert.True(Pseudonyms.Is(e.FromKey)));
        Assert.Contains(edges, e => e.FromKind == PassportQueue.Core.Rings.NodeKind.Number && e.FromKey == Ani);
        Assert.Equal(2, await h.QueryAsync(db => db.RingSignals.CountAsync(s => s.PseudonymisedAtUtc != null)));
    }

    public sealed class OnSqlite() : RetentionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RetentionTests(DatabaseProvider.Postgres);
}
