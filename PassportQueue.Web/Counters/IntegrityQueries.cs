using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Integrity;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>The integrity report of one office over some days: irregular counter actions, per officer, against the office's average.</summary>
public sealed record IntegrityReport(
    OfficerRates Office, IReadOnlyList<OfficerRates> Officers, IReadOnlyList<IntegrityFinding> Findings, IReadOnlyDictionary<string, CodeEntryCounts> Entries);

/// <summary>How an officer found the codes they checked in: typed or scanned.</summary>
public sealed record CodeEntryCounts(int Typed, int Scanned);

/// <summary>Reads the audit trail for the integrity report (<see cref="CounterIntegrity"/> decides what is irregular).</summary>
public sealed class IntegrityQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    /// <summary>The report for an office's appointment days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<IntegrityReport> ReportAsync(Office office, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bookings = db.Bookings.Where(b => b.OfficeId == office.Id && b.Date >= from && b.Date <= to);
        var checkIns = await (
            from a in db.AuditEntries
            where a.Action == AuditAction.Arrived
            join b in bookings on a.BookingId equals b.Id
            select new { a.Id, a.Actor, b.Code, b.Date, b.SlotStartUtc, b.SlotIndex, a.AtUtc, b.CheckInEntry }).AsNoTracking().ToListAsync(ct);
        var completions = await (
            from a in db.AuditEntries
            where a.Action == AuditAction.Completed
            join b in bookings on a.BookingId equals b.Id
            select new
            {
                a.Id,
                a.Actor,
                b.Code,
                a.AtUtc,
                HadCheckIn = db.AuditEntries.Any(x => x.BookingId == b.Id && x.Action == AuditAction.Arrived),
                Flagged = db.PhoneFlags.Any(f => f.Phone == b.Phone && f.RaisedAtUtc < a.AtUtc)
                    || db.AuditEntries.Any(x => x.Phone == b.Phone && x.Action == AuditAction.Blacklisted && x.AtUtc < a.AtUtc),
            }).AsNoTracking().ToListAsync(ct);
        var ins = checkIns.Select(c => new CheckInFact(c.Id, c.Actor, c.Code, c.Date, c.SlotStartUtc, c.SlotIndex, c.AtUtc)).ToList();
        var outs = completions.Select(c => new CompletionFact(c.Id, c.Actor, c.Code, c.AtUtc, c.HadCheckIn, c.Flagged)).ToList();
        var findings = CounterIntegrity.Find(office, ins, outs);
        var (all, officers) = CounterIntegrity.Rates(ins, outs, findings);
        var entries = checkIns.GroupBy(c => c.Actor).ToDictionary(
            g => g.Key, g => new CodeEntryCounts(g.Count(c => c.CheckInEntry != Core.Bookings.CodeEntry.Scanned), g.Count(c => c.CheckInEntry == Core.Bookings.CodeEntry.Scanned)));
        return new IntegrityReport(all, officers, findings, entries);
    }
}
