using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Retention;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Operations;

/// <summary>
/// Pseudonymises the personal data of bookings that ended more than <see cref="RetentionOptions.Days"/>
/// ago: on the booking the name, birth date (to its year), address, number and identity key; the
/// messages and replies about it lose their text and number; its audit lines keep who did what, with
/// the number and the name in their reasons pseudonymised. Once the number has no booking left that
/// holds personal data, its owner's name is dropped and the owner's and dependants' identities become
/// their keyed pseudonyms, so a blacklisted person stays refused (the store matches pseudonyms). The
/// number itself stays in the number registry: it is what the blacklist and the personal-number rule
/// look up. Each booking is claimed by a conditional update, so on several nodes each is done once,
/// with one audit line.
/// </summary>
public sealed class Pseudonymiser(
    IDbContextFactory<PassportQueueDbContext> contexts, Pseudonyms pseudonyms, IOptions<RetentionOptions> options, TimeProvider time)
{
    private const string EmptyBody = "~";

    /// <summary>Pseudonymises every booking due now, and the entries of draws run that long ago; returns how many bookings this call did.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var done = await RunBatchAsync(ct);
            total += done.Count;
            if (done.Count == 0 || done.Due < options.Value.BatchSize)
            {
                while (await EntriesBatchAsync(ct) == options.Value.BatchSize)
                {
                    // Batch after batch until no old entry keeps its data.
                }

                while (await SignalsBatchAsync(ct) == options.Value.BatchSize || await ReportsBatchAsync(ct) == options.Value.BatchSize)
                {
                    // Likewise for ring signals last seen, and scalper reports received, that long ago.
                }

                return total;
            }
        }
    }

    /// <summary>
    /// A draw's entries keep what a booking would hold until the draw is <see cref="RetentionOptions.Days"/>
    /// old; then the same pseudonyms replace it (the entry code, weight, rank and result stay: the
    /// published list still verifies). Idempotent: a pseudonymised entry is not touched again.
    /// </summary>
    private async Task<int> EntriesBatchAsync(CancellationToken ct)
    {
        var cutoff = RetentionPolicy.CutoffUtc(time.GetUtcNow().UtcDateTime, options.Value.Days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var old = db.BallotDraws.Where(d => d.DrawnAtUtc != null && d.DrawnAtUtc < cutoff).Select(d => d.Id);
        var entries = await db.BallotEntries.AsNoTracking()
            .Where(e => old.Contains(e.DrawId) && !EF.Functions.Like(e.Name, Pseudonyms.Mark + "%"))
            .OrderBy(e => e.Id).Take(options.Value.BatchSize)
            .Select(e => new { e.Id, e.PersonKey, e.Phone, e.BirthDate })
            .ToListAsync(ct);
        foreach (var e in entries)
        {
            await db.BallotEntries.Where(x => x.Id == e.Id && x.PersonKey == e.PersonKey).ExecuteUpdateAsync(
                set => set
                    .SetProperty(x => x.Name, pseudonyms.Name(e.PersonKey))
                    .SetProperty(x => x.PersonKey, pseudonyms.Identity(e.PersonKey))
                    .SetProperty(x => x.Phone, pseudonyms.Phone(e.Phone))
                    .SetProperty(x => x.BirthDate, Pseudonyms.BirthDate(e.BirthDate))
                    .SetProperty(x => x.Address, (string?)null),
                ct);
        }

        return entries.Count;
    }

    /// <summary>
    /// A ring signal last seen more than <see cref="RetentionOptions.Days"/> ago keeps its kind, figures, times,
    /// booking codes and decision; the names, birth dates (to the year), addresses and numbers of its evidence
    /// become pseudonyms, and so do the identities and addresses it links. The numbers it links stay, as a flag's
    /// do: they are the blacklist's evidence. Claimed by a conditional update, so each is done once.
    /// </summary>
    private async Task<int> SignalsBatchAsync(CancellationToken ct)
    {
        var cutoff = RetentionPolicy.CutoffUtc(time.GetUtcNow().UtcDateTime, options.Value.Days);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.RingSignals.AsNoTracking()
            .Where(s => s.LastSeenUtc < cutoff && s.PseudonymisedAtUtc == null)
            .OrderBy(s => s.Id).Take(options.Value.BatchSize).Select(s => new { s.Id, s.Evidence }).ToListAsync(ct);
        foreach (var signal in due)
        {
            var stored = System.Text.Json.JsonSerializer.Deserialize<Rings.StoredEvidence>(signal.Evidence, Rings.RingDetector.Json)!;
            var lines = stored.Lines.Select(l => l with
            {
                Name = l.Name.Length == 0 ? l.Name : pseudonyms.Name(Core.Bookings.PersonKey.For(l.Name, l.BirthDate)),
                BirthDate = l.BirthDate == default ? l.BirthDate : Pseudonyms.BirthDate(l.BirthDate),
                Address = null,
                Phone = pseudonyms.Phone(l.Phone),
            }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.RingSignals.Where(s => s.Id == signal.Id && s.PseudonymisedAtUtc == null).ExecuteUpdateAsync(
                set => set.SetProperty(s => s.PseudonymisedAtUtc, now)
                    .SetProperty(s => s.Evidence, System.Text.Json.JsonSerializer.Serialize(stored with { Lines = lines }, Rings.RingDetector.Json)),
                ct);
            if (claimed == 1)
            {
                var edges = await db.RingEdges.AsNoTracking().Where(e => e.SignalId == signal.Id).ToListAsync(ct);
                foreach (var edge in edges.Where(e => Personal(e.FromKind, e.FromKey) || Personal(e.ToKind, e.ToKey)))
                {
                    await db.RingEdges.Where(e => e.SignalId == edge.SignalId && e.FromKind == edge.FromKind && e.FromKey == edge.FromKey && e.ToKind == edge.ToKind && e.ToKey == edge.ToKey)
                        .ExecuteUpdateAsync(
                            set => set.SetProperty(e => e.FromKey, Pseudonymous(edge.FromKind, edge.FromKey)).SetProperty(e => e.ToKey, Pseudonymous(edge.ToKind, edge.ToKey)),
                            ct);
                }
            }

            await transaction.CommitAsync(ct);
        }

        return due.Count;
    }

    /// <summary>A <c>LAPOR</c> report received more than <see cref="RetentionOptions.Days"/> ago keeps its text; its reporter's number becomes a pseudonym.</summary>
    private async Task<int> ReportsBatchAsync(CancellationToken ct)
    {
        var cutoff = RetentionPolicy.CutoffUtc(time.GetUtcNow().UtcDateTime, options.Value.Days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.ScalperReports.AsNoTracking()
            .Where(r => r.ReceivedAtUtc < cutoff && !EF.Functions.Like(r.ReporterPhone, Pseudonyms.Mark + "%"))
            .OrderBy(r => r.Id).Take(options.Value.BatchSize).Select(r => new { r.Id, r.ReporterPhone }).ToListAsync(ct);
        foreach (var report in due)
        {
            await db.ScalperReports.Where(r => r.Id == report.Id && r.ReporterPhone == report.ReporterPhone)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReporterPhone, pseudonyms.Phone(report.ReporterPhone)), ct);
        }

        return due.Count;
    }

    private static bool Personal(Core.Rings.NodeKind kind, string key) =>
        kind is Core.Rings.NodeKind.Identity or Core.Rings.NodeKind.Address && !Pseudonyms.Is(key);

    private string Pseudonymous(Core.Rings.NodeKind kind, string key) =>
        Personal(kind, key) ? pseudonyms.Of((kind == Core.Rings.NodeKind.Address ? "address|" : string.Empty) + key, Pseudonyms.IdentityLength) : key;

    private async Task<(int Count, int Due)> RunBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var days = options.Value.Days;
        var cutoff = RetentionPolicy.CutoffUtc(now, days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Bookings.AsNoTracking()
            .Where(RetentionPolicy.Due(cutoff))
            .OrderBy(b => b.UpdatedAtUtc).ThenBy(b => b.Id)
            .Select(b => new Due(b.Id, b.OfficeId, b.Phone, b.PersonKey, b.Name, b.BirthDate))
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var booking in due)
        {
            if (await PseudonymiseAsync(db, booking, cutoff, now, ct))
            {
                db.AuditEntries.Add(AuditEntry.Record(
                    now, Actor.System, AuditAction.Pseudonymised, booking.OfficeId, booking.Id, pseudonyms.Phone(booking.Phone), SystemReason.Of(ReasonCode.Retention, days.ToString(CultureInfo.InvariantCulture)).Stored));
                done++;
            }
        }

        foreach (var phone in due.Select(b => b.Phone).Distinct())
        {
            await ForgetOwnerAsync(db, phone, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (done, due.Count);
    }

    /// <summary>Claims and pseudonymises one booking; false when it was done already (another node) or is no longer due.</summary>
    private async Task<bool> PseudonymiseAsync(PassportQueueDbContext db, Due booking, DateTime cutoff, DateTime now, CancellationToken ct)
    {
        var phone = pseudonyms.Phone(booking.Phone);
        var name = pseudonyms.Name(booking.PersonKey);
        var claimed = await db.Bookings
            .Where(b => b.Id == booking.Id)
            .Where(RetentionPolicy.Due(cutoff))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(b => b.Name, name)
                    .SetProperty(b => b.BirthDate, Pseudonyms.BirthDate(booking.BirthDate))
                    .SetProperty(b => b.Address, (string?)null)
                    .SetProperty(b => b.Phone, phone)
                    .SetProperty(b => b.PersonKey, pseudonyms.Identity(booking.PersonKey))
                    .SetProperty(b => b.PseudonymisedAtUtc, now),
                ct);
        if (claimed == 0)
        {
            return false;
        }

        // The booking's own messages, and the number's old ones about no booking (refusals, questions); a message
        // of a booking that still keeps its data keeps its number, so the number's bookings stay found by it.
        await db.Messages.Where(m => m.BookingId == booking.Id || (m.BookingId == null && m.Phone == booking.Phone && m.ReceivedAtUtc < cutoff))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Body, EmptyBody).SetProperty(m => m.Phone, phone), ct);
        await db.Outbox.Where(o => o.BookingId == booking.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Body, (string?)null).SetProperty(o => o.Phone, phone), ct);
        var lines = await db.AuditEntries.AsNoTracking().Where(a => a.BookingId == booking.Id).Select(a => new { a.Id, a.Reason }).ToListAsync(ct);
        foreach (var line in lines)
        {
            var reason = line.Reason?
                .Replace(booking.Phone, phone, StringComparison.Ordinal)
                .Replace(booking.Name, name, StringComparison.OrdinalIgnoreCase);
            await db.AuditEntries.Where(a => a.Id == line.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Phone, phone).SetProperty(a => a.Reason, reason), ct);
        }

        return true;
    }

    /// <summary>Once no booking from the number holds personal data, its owner's and dependants' identities become pseudonyms.</summary>
    private async Task ForgetOwnerAsync(PassportQueueDbContext db, string number, CancellationToken ct)
    {
        // A number's bookings are found through its messages (indexed by number), as everywhere.
        if (await db.Messages.AnyAsync(m => m.Phone == number && m.BookingId != null && db.Bookings.Any(b => b.Id == m.BookingId && b.PseudonymisedAtUtc == null), ct))
        {
            return;
        }

        var owner = await db.Phones.Where(p => p.Number == number).Select(p => p.OwnerPersonKey).FirstOrDefaultAsync(ct);
        if (owner is not null && !Pseudonyms.Is(owner))
        {
            var pseudonym = pseudonyms.Identity(owner);
            await db.Phones.Where(p => p.Number == number && p.OwnerPersonKey == owner)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.OwnerPersonKey, pseudonym).SetProperty(p => p.OwnerName, (string?)null), ct);
        }

        var dependants = await db.PhoneDependants.AsNoTracking().Where(d => d.Number == number).Select(d => d.PersonKey).ToListAsync(ct);
        foreach (var key in dependants.Where(k => !Pseudonyms.Is(k)))
        {
            await db.PhoneDependants.Where(d => d.Number == number && d.PersonKey == key)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.PersonKey, pseudonyms.Identity(key)), ct);
        }
    }

    private sealed record Due(long Id, int OfficeId, string Phone, string PersonKey, string Name, DateOnly BirthDate);
}
