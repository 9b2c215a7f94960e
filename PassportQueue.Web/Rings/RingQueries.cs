using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Rings;

/// <summary>One signal of a ring as the ring view shows it: what was seen, its evidence, and any decision on it.</summary>
public sealed record SignalView(
    long Id, SignalKind Kind, IReadOnlyList<RingEdge> Edges, StoredEvidence Evidence, DateTime FirstSeenUtc, DateTime LastSeenUtc,
    RingDecision? Decision, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionReason);

/// <summary>A ring as the supervisor sees it: its nodes (numbers with their standing), its signals and the office it is at.</summary>
public sealed record RingView(long Id, string OfficeCode, IReadOnlyList<RingNode> Nodes, IReadOnlyList<SignalView> Signals, IReadOnlyDictionary<string, PhoneStanding> Standings)
{
    /// <summary>The ring's numbers.</summary>
    public IReadOnlyList<string> Numbers => [.. Nodes.Where(n => n.Kind == NodeKind.Number).Select(n => n.Key)];

    /// <summary>Whether a supervisor decided on every signal of the ring.</summary>
    public bool Decided => Signals.All(s => s.Decision is not null);

    /// <summary>A number's standing (clear when it never got a record).</summary>
    public PhoneStanding StandingOf(string number) => Standings.GetValueOrDefault(number, PhoneStanding.Clear);
}

/// <summary>
/// Reads rings for supervisors: the open rings of an office (signals without a decision, grouped by
/// <see cref="RingGraph"/>), one ring with everything behind it, and a number's signals for its timeline.
/// A supervisor sees their own office's rings; an admin (scope null) every office's.
/// </summary>
public sealed class RingQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    /// <summary>The open rings in scope, the largest first.</summary>
    public async Task<IReadOnlyList<RingView>> OpenRingsAsync(string? scope, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var offices = await Offices(db, scope, ct);
        var rings = new List<RingView>();
        foreach (var (officeId, code) in offices)
        {
            var signals = await SignalsAsync(db, s => s.OfficeId == officeId && s.DecidedAtUtc == null, ct);
            rings.AddRange(await ViewsAsync(db, code, signals, ct));
        }

        return [.. rings.OrderByDescending(r => r.Nodes.Count).ThenBy(r => r.Id)];
    }

    /// <summary>
    /// The ring that holds a signal: among the office's open signals while it is open, else among
    /// the signals decided with it. Null when there is no such signal in scope.
    /// </summary>
    public async Task<RingView?> RingOfAsync(long signalId, string? scope, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var signal = await db.RingSignals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signalId, ct);
        var offices = await Offices(db, scope, ct);
        if (signal is null || !offices.TryGetValue(signal.OfficeId, out var code))
        {
            return null;
        }

        var open = signal.DecidedAtUtc is null;
        var decidedAt = signal.DecidedAtUtc;
        var candidates = await SignalsAsync(
            db, s => s.OfficeId == signal.OfficeId && (open ? s.DecidedAtUtc == null : s.DecidedAtUtc == decidedAt), ct);
        return (await ViewsAsync(db, code, candidates, ct)).SingleOrDefault(r => r.Signals.Any(s => s.Id == signalId));
    }

    /// <summary>The signals that touch a number, for its timeline.</summary>
    public async Task<IReadOnlyList<SignalView>> SignalsOfNumberAsync(string phone, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = db.RingEdges
            .Where(e => (e.FromKind == NodeKind.Number && e.FromKey == phone) || (e.ToKind == NodeKind.Number && e.ToKey == phone))
            .Select(e => e.SignalId);
        return await SignalsAsync(db, s => ids.Contains(s.Id), ct);
    }

    private static async Task<Dictionary<int, string>> Offices(PassportQueueDbContext db, string? scope, CancellationToken ct) =>
        await db.Offices.AsNoTracking().Where(o => scope == null || o.Code == scope).ToDictionaryAsync(o => o.Id, o => o.Code, ct);

    private static async Task<List<SignalView>> SignalsAsync(
        PassportQueueDbContext db, System.Linq.Expressions.Expression<Func<Data.Records.RingSignalRecord, bool>> which, CancellationToken ct)
    {
        var signals = await db.RingSignals.AsNoTracking().Where(which).OrderBy(s => s.Id).ToListAsync(ct);
        var ids = signals.Select(s => s.Id).ToList();
        var edges = (await db.RingEdges.AsNoTracking().Where(e => ids.Contains(e.SignalId)).ToListAsync(ct)).ToLookup(e => e.SignalId);
        return [.. signals.Select(s => new SignalView(
            s.Id, s.Kind, [.. edges[s.Id].Select(e => new RingEdge(new RingNode(e.FromKind, e.FromKey), new RingNode(e.ToKind, e.ToKey)))],
            JsonSerializer.Deserialize<StoredEvidence>(s.Evidence, RingDetector.Json) ?? new StoredEvidence([], []),
            s.FirstSeenUtc, s.LastSeenUtc, s.Decision, s.DecidedBy, s.DecidedAtUtc, s.DecisionReason))];
    }

    private static async Task<List<RingView>> ViewsAsync(PassportQueueDbContext db, string officeCode, List<SignalView> signals, CancellationToken ct)
    {
        var byId = signals.ToDictionary(s => s.Id);
        var rings = RingGraph.Build(signals.Select(s => new SignalEdges(s.Id, s.Kind, s.Edges)));
        var numbers = rings.SelectMany(r => r.Numbers).Distinct().ToList();
        var standings = await db.Phones.AsNoTracking().Where(p => numbers.Contains(p.Number)).ToDictionaryAsync(p => p.Number, p => p.Standing, ct);
        return [.. rings.Select(r => new RingView(r.Id, officeCode, r.Nodes, [.. r.Signals.Select(s => byId[s.SignalId])], standings))];
    }
}
