using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Phones;

public abstract class PhoneRegistryTests(DatabaseProvider provider)
{
    private static readonly PhoneNumber Prank = PhoneNumber.Parse("+6281234500009");
    private static readonly Actor Officer = Actor.Staff("petugas@bgr");
    private static readonly Actor Supervisor = Actor.Staff("spv@bgr");

    [SkippableFact]
    public async Task WalksANumberFromFlaggedToBlacklistedAndBackWithAReasonEachTime()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var registry = h.Get<IPhoneRegistry>();

        var flagged = await registry.FlagAsync(Prank, FlagReason.Officer, "iseng di loket", Officer, default);
        var blacklisted = await registry.BlacklistAsync(Prank, "terbukti calo", Supervisor, default);
        var lifted = await registry.LiftBlacklistAsync(Prank, "salah orang", Supervisor, default);

        Assert.Equal((PhoneChangeStatus.Changed, PhoneStanding.Flagged), (flagged.Status, flagged.Standing));
        Assert.Equal((PhoneChangeStatus.Changed, PhoneStanding.Blacklisted), (blacklisted.Status, blacklisted.Standing));
        Assert.Equal((PhoneChangeStatus.Changed, PhoneStanding.Clear), (lifted.Status, lifted.Standing));
        var trail = await h.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.Reason }).ToListAsync());
        Assert.Equal([AuditAction.Flagged, AuditAction.Blacklisted, AuditAction.BlacklistLifted], trail.Select(t => t.Action));
        Assert.Equal([Officer.Value, Supervisor.Value, Supervisor.Value], trail.Select(t => t.Actor));
        Assert.Equal("salah orang", trail[^1].Reason);
    }

    [SkippableFact]
    public async Task RefusesASupervisorActionWithoutAReason()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var registry = h.Get<IPhoneRegistry>();
        await registry.FlagAsync(Prank, FlagReason.Officer, null, Officer, default);

        var result = await registry.BlacklistAsync(Prank, "  ", Supervisor, default);

        Assert.Equal(PhoneChangeStatus.ReasonRequired, result.Status);
        Assert.Equal(PhoneStanding.Flagged, (await registry.FindAsync(Prank, default))!.Standing);
    }

    [SkippableFact]
    public async Task ClearsOnlyAFlaggedNumber()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var registry = h.Get<IPhoneRegistry>();
        await registry.FlagAsync(Prank, FlagReason.Officer, null, Officer, default);
        await registry.BlacklistAsync(Prank, "calo", Supervisor, default);

        var cleared = await registry.ClearFlagAsync(Prank, "keliru", Supervisor, default);

        Assert.Equal((PhoneChangeStatus.Unchanged, PhoneStanding.Blacklisted), (cleared.Status, cleared.Standing));
    }

    [SkippableFact]
    public async Task KeepsEveryFlagAsEvidenceWhileTheStandingStaysFlagged()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var registry = h.Get<IPhoneRegistry>();

        await registry.FlagAsync(Prank, FlagReason.Officer, "pertama", Officer, default);
        var second = await registry.FlagAsync(Prank, FlagReason.MessageFlood, "kedua", Actor.System, default);

        Assert.Equal((PhoneChangeStatus.Unchanged, PhoneStanding.Flagged), (second.Status, second.Standing));
        Assert.Equal(2, await h.QueryAsync(db => db.PhoneFlags.CountAsync(f => f.Phone == Prank.E164)));
    }

    public sealed class OnSqlite() : PhoneRegistryTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PhoneRegistryTests(DatabaseProvider.Postgres);
}
