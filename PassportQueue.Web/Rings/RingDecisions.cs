using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Telemetry;
using PassportQueue.Web.Phones;

namespace PassportQueue.Web.Rings;

/// <summary>How a ring decision went.</summary>
public enum RingDecisionStatus
{
    /// <summary>Taken: the chosen numbers blacklisted, the rest cleared, the ring's signals decided.</summary>
    Done = 0,

    /// <summary>A reason is required.</summary>
    ReasonRequired = 1,

    /// <summary>No such open ring in the supervisor's scope (another supervisor decided it meanwhile, or it grew).</summary>
    NotOpen = 2,
}

/// <summary>
/// A supervisor's one decision for a whole ring: blacklist all its numbers, a pick of them, or
/// none (clear). In one transaction: each chosen number moves to the blacklist by a conditional
/// update (one audit line each, with the ring and the reason), each other number gets a
/// "cleared" audit line, and the ring's signals are marked decided only if none was decided
/// meanwhile; otherwise nothing is written.
/// </summary>
public sealed class RingDecisions(IDbContextFactory<PassportQueueDbContext> contexts, RingQueries rings, TimeProvider time)
{
    /// <summary>Takes the decision on the open ring holding <paramref name="ringId"/>; <paramref name="blacklist"/> are the numbers to blacklist (ignored for <see cref="RingDecision.Clear"/>; numbers not in the ring are ignored).</summary>
    public async Task<RingDecisionStatus> DecideAsync(
        long ringId, RingDecision decision, IReadOnlyCollection<string> blacklist, string? reason, Actor actor, string? scope, CancellationToken ct)
    {
        var why = reason?.Trim().TrimStart(SystemReason.Marker).Trim();
        if (string.IsNullOrEmpty(why))
        {
            return RingDecisionStatus.ReasonRequired;
        }

        why = why[..Math.Min(why.Length, 300)];
        if (await rings.RingOfAsync(ringId, scope, ct) is not { Decided: false } ring)
        {
            return RingDecisionStatus.NotOpen;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var chosen = decision == RingDecision.Blacklist ? ring.Numbers.Where(blacklist.Contains).ToHashSet() : [];
        var action = chosen.Count == 0 ? RingDecision.Clear : RingDecision.Blacklist;
        var signalIds = ring.Signals.Select(s => s.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await db.RingSignals.Where(s => signalIds.Contains(s.Id) && s.DecidedAtUtc == null)
            .ExecuteUpdateAsync(
                u => u.SetProperty(s => s.DecidedAtUtc, now).SetProperty(s => s.DecidedBy, actor.Value)
                    .SetProperty(s => s.Decision, action).SetProperty(s => s.DecisionReason, why),
                ct);
        if (decided != signalIds.Count)
        {
            return RingDecisionStatus.NotOpen;
        }

        foreach (var number in ring.Numbers)
        {
            var blacklisted = chosen.Contains(number);
            var stored = SystemReason.Of(ReasonCode.RingDecision, ring.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (blacklisted ? RingDecision.Blacklist : RingDecision.Clear).ToString(), why).Stored;
            if (blacklisted)
            {
                await PhoneRegistry.EnsurePhoneAsync(db, number, now, ct);
                var moved = await PhoneRegistry.MoveAsync(db, number, PhoneStanding.Clear, PhoneStanding.Blacklisted, stored, now, ct)
                    || await PhoneRegistry.MoveAsync(db, number, PhoneStanding.Flagged, PhoneStanding.Blacklisted, stored, now, ct);
                if (moved)
                {
                    db.AuditEntries.Add(AuditEntry.Record(now, actor, AuditAction.Blacklisted, null, null, number, stored));
                    PassportQueueMetrics.Blacklisted(bySystem: false);
                }
            }
            else
            {
                db.AuditEntries.Add(AuditEntry.Record(now, actor, AuditAction.RingCleared, null, null, number, stored));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RingDecisionStatus.Done;
    }
}
