using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Data;

/// <summary>
/// Offices by code and by WhatsApp number, read from the database and kept for a short while:
/// every message needs its office, and offices change only when a supervisor edits them.
/// </summary>
/// <remarks>An edit on any node reaches this cache through the <see cref="ChangeFeed"/> (settings changes).</remarks>
public sealed class OfficeDirectory : IOfficeDirectory, IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDbContextFactory<PassportQueueDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private Snapshot? _snapshot;
    private long _version;

    public OfficeDirectory(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time, ChangeFeed feed)
    {
        _contexts = contexts;
        _time = time;
        _subscription = feed.Subscribe(change =>
        {
            if (change.Kind == ChangeKind.Settings || change.OfficeCode == Change.AllOffices)
            {
                Invalidate();
            }
        });
    }

    /// <inheritdoc />
    public async ValueTask<Office?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        // Every message names its office number as Twilio writes it ("whatsapp:+62…"): remember that
        // spelling once it is known, so a message is not parsed twice with libphonenumber. Only numbers
        // that are an office's are remembered, so strangers' spellings cannot grow the map.
        if (snapshot.BySpelling.TryGetValue(number, out var known))
        {
            return known;
        }

        if (!PhoneNumber.TryParse(number, out var phone) || snapshot.ByNumber.GetValueOrDefault(phone.E164) is not { } office)
        {
            return null;
        }

        snapshot.BySpelling.TryAdd(number, office);
        return office;
    }

    /// <inheritdoc />
    public async ValueTask<Office?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ByCode.GetValueOrDefault(code);
    }

    /// <inheritdoc />
    public async ValueTask<Office?> FindByIdAsync(int id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).All.FirstOrDefault(o => o.Id == id);

    /// <summary>All offices, ordered by code.</summary>
    public async ValueTask<IReadOnlyList<Office>> AllAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).All;

    /// <summary>Forgets what was read, so that the next call sees an edit at once.</summary>
    private void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _snapshot = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        _gate.Dispose();
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < Freshness && fresh.Version == Interlocked.Read(ref _version))
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = Interlocked.Read(ref _version);
            if (_snapshot is { } other && now - other.ReadAt < Freshness && other.Version == version)
            {
                return other;
            }

            // A snapshot read while an edit lands carries the version from before it, so the next call reads again.
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);
            var byNumber = offices
                .SelectMany(o => o.Settings.WhatsAppNumbers.Select(n => (Number: PhoneNumber.TryParse(n, out var p) ? p.E164 : null, Office: o)))
                .Where(x => x.Number is not null)
                .DistinctBy(x => x.Number)
                .ToFrozenDictionary(x => x.Number!, x => x.Office);
            var snapshot = new Snapshot(now, version, offices, offices.ToFrozenDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase), byNumber);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(
        DateTimeOffset ReadAt, long Version, IReadOnlyList<Office> All, FrozenDictionary<string, Office> ByCode, FrozenDictionary<string, Office> ByNumber)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, Office> BySpelling { get; } = new(StringComparer.Ordinal);
    }
}
