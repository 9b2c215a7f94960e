using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Telemetry;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Phones;

/// <summary>
/// Flags and the blacklist, as officers, supervisors and the flood guard change them. Each change
/// is one transaction with its audit line; a standing moves by an update conditional on the
/// standing it leaves, so two supervisors acting at once (on any node) cannot both move it.
/// </summary>
public sealed class PhoneRegistry(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time) : IPhoneRegistry
{
    /// <inheritdoc />
    public async Task<PhoneRecord?> FindAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Phones.AsNoTracking().SingleOrDefaultAsync(p => p.Number == phone.E164, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PhoneChange> FlagAsync(PhoneNumber phone, FlagReason reason, string? detail, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(phone, async (db, now) =>
        {
            await EnsurePhoneAsync(db, phone.E164, now, cancellationToken);
            var typed = Typed(detail);
            var evidence = typed ?? SystemReason.Of(ReasonCode.FlagReason, reason.ToString()).Stored;
            db.PhoneFlags.Add(PhoneFlag.Raise(phone.E164, reason, typed, null, actor.Value, now));
            db.AuditEntries.Add(AuditEntry.Record(now, actor, AuditAction.Flagged, null, null, phone.E164, evidence));
            PassportQueueMetrics.Flagged(reason.ToString());
            return await MoveAsync(db, phone.E164, PhoneStanding.Clear, PhoneStanding.Flagged, evidence, now, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneChange> BlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        DecideAsync(phone, [PhoneStanding.Flagged, PhoneStanding.Clear], PhoneStanding.Blacklisted, AuditAction.Blacklisted, reason, actor, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneChange> ClearFlagAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        DecideAsync(phone, [PhoneStanding.Flagged], PhoneStanding.Clear, AuditAction.FlagCleared, reason, actor, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneChange> LiftBlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        DecideAsync(phone, [PhoneStanding.Blacklisted], PhoneStanding.Clear, AuditAction.BlacklistLifted, reason, actor, cancellationToken);

    private Task<PhoneChange> DecideAsync(
        PhoneNumber phone, PhoneStanding[] from, PhoneStanding to, AuditAction action, string reason, Actor actor, CancellationToken ct)
    {
        if (Typed(reason) is not { } why)
        {
            return Task.FromResult(new PhoneChange(PhoneChangeStatus.ReasonRequired, null));
        }

        return ChangeAsync(phone, async (db, now) =>
        {
            foreach (var standing in from)
            {
                if (await MoveAsync(db, phone.E164, standing, to, why, now, ct))
                {
                    db.AuditEntries.Add(AuditEntry.Record(now, actor, action, null, null, phone.E164, why));
                    if (to == PhoneStanding.Blacklisted)
                    {
                        PassportQueueMetrics.Blacklisted(bySystem: false);
                    }

                    return true;
                }
            }

            return false;
        }, ct);
    }

    /// <summary>Runs a change in one transaction and answers with the standing as it then is.</summary>
    private async Task<PhoneChange> ChangeAsync(PhoneNumber phone, Func<PassportQueueDbContext, DateTime, Task<bool>> change, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await change(db, now);
        await db.SaveChangesAsync(ct);
        var standing = await db.Phones.Where(p => p.Number == phone.E164).Select(p => (PhoneStanding?)p.Standing).SingleOrDefaultAsync(ct);
        await transaction.CommitAsync(ct);
        return new PhoneChange(moved ? PhoneChangeStatus.Changed : PhoneChangeStatus.Unchanged, standing);
    }

    internal static async Task<bool> MoveAsync(
        PassportQueueDbContext db, string phone, PhoneStanding from, PhoneStanding to, string reason, DateTime now, CancellationToken ct) =>
        await db.Phones
            .Where(p => p.Number == phone && p.Standing == from)
            .ExecuteUpdateAsync(
                u => u.SetProperty(p => p.Standing, to).SetProperty(p => p.StandingReason, reason).SetProperty(p => p.StandingChangedAtUtc, now),
                ct) == 1;

    /// <summary>The number's record, made on its first flag; a record another request made meanwhile is kept as it is.</summary>
    internal static Task<int> EnsurePhoneAsync(PassportQueueDbContext db, string phone, DateTime now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "Phones" ("Number", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
             VALUES ({phone}, 0, 0, {(int)PhoneStanding.Clear}, {now}) ON CONFLICT ("Number") DO NOTHING
             """,
            ct);

    /// <summary>A reason a person typed, trimmed and cut to what is kept; a leading marker of system reasons is dropped so it cannot pose as one.</summary>
    private static string? Typed(string? text)
    {
        var typed = text?.Trim().TrimStart(SystemReason.Marker).Trim();
        return string.IsNullOrEmpty(typed) ? null : typed[..Math.Min(typed.Length, AuditEntry.MaxReasonLength)];
    }
}
