using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>Flags and the blacklist, written through the write queue with their audit lines.</summary>
public sealed class SqlPhoneRegistry(WriteBatcher writes, IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time) : IPhoneRegistry
{
    /// <inheritdoc />
    public async Task<PhoneRecord?> FindAsync(PhoneNumber phone, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Phones.AsNoTracking().SingleOrDefaultAsync(p => p.Number == phone.E164, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PhoneChange> FlagAsync(PhoneNumber phone, FlagReason reason, string? detail, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return writes.RunAsync(s =>
        {
            var moved = LedgerWrites.Flag(s, phone.E164, reason, detail, null, actor, now);
            return Result(s, phone, moved);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PhoneChange> BlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(phone, [PhoneStanding.Flagged, PhoneStanding.Clear], PhoneStanding.Blacklisted, AuditAction.Blacklisted, reason, actor, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneChange> ClearFlagAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(phone, [PhoneStanding.Flagged], PhoneStanding.Clear, AuditAction.FlagCleared, reason, actor, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneChange> LiftBlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(phone, [PhoneStanding.Blacklisted], PhoneStanding.Clear, AuditAction.BlacklistLifted, reason, actor, cancellationToken);

    private Task<PhoneChange> MoveAsync(
        PhoneNumber phone, PhoneStanding[] from, PhoneStanding to, AuditAction action, string reason, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(new PhoneChange(PhoneChangeStatus.ReasonRequired, null));
        }

        var now = time.GetUtcNow().UtcDateTime;
        return writes.RunAsync(s =>
        {
            var moved = from.Any(f => LedgerWrites.ChangeStanding(s, phone.E164, f, to, action, reason.Trim(), actor, now));
            return Result(s, phone, moved);
        }, ct);
    }

    private static PhoneChange Result(SqlSession s, PhoneNumber phone, bool moved) =>
        new(moved ? PhoneChangeStatus.Changed : PhoneChangeStatus.Unchanged, LedgerWrites.Standing(s, phone.E164));
}
