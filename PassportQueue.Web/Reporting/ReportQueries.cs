using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Reporting;

/// <summary>Per-day figures for an office: bookings by outcome, the no-show rate, flags and blacklistings.</summary>
public sealed class ReportQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    public async Task<IReadOnlyList<DayReport>> DailyAsync(string officeCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Code == officeCode, ct);
        var states = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == office.Id && b.Date >= from && b.Date <= to)
            .GroupBy(b => new { b.Date, b.State })
            .Select(g => new { g.Key.Date, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var start = office.Calendar.ToUtc(from, TimeOnly.MinValue);
        var end = office.Calendar.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var numbers = db.Messages.Where(m => m.OfficeId == office.Id).Select(m => m.Phone);
        var flags = await db.PhoneFlags.AsNoTracking()
            .Where(f => f.RaisedAtUtc >= start && f.RaisedAtUtc < end && numbers.Contains(f.Phone))
            .Select(f => f.RaisedAtUtc).ToListAsync(ct);
        var blacklistings = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Blacklisted && a.AtUtc >= start && a.AtUtc < end && a.Phone != null && numbers.Contains(a.Phone))
            .Select(a => a.AtUtc).ToListAsync(ct);
        DateOnly Local(DateTime utc) => office.Calendar.LocalDate(new DateTimeOffset(utc, TimeSpan.Zero));

        var days = new List<DayReport>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            int Count(BookingState state) => states.Where(s => s.Date == day && s.State == state).Sum(s => s.Count);
            days.Add(new DayReport(
                day,
                states.Where(s => s.Date == day).Sum(s => s.Count),
                Count(BookingState.Arrived) + Count(BookingState.Completed) + Count(BookingState.Returned),
                Count(BookingState.Completed),
                Count(BookingState.Returned),
                Count(BookingState.Forfeited),
                flags.Count(f => Local(f) == day),
                blacklistings.Count(b => Local(b) == day)));
        }

        return days;
    }

    /// <summary>The busiest slots over a range: each slot of the day with its bookings, arrivals and no-shows, in the slots' order.</summary>
    public async Task<IReadOnlyList<SlotReport>> SlotsAsync(string officeCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Code == officeCode, ct);
        var counts = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == office.Id && b.Date >= from && b.Date <= to)
            .GroupBy(b => new { b.SlotIndex, b.State })
            .Select(g => new { g.Key.SlotIndex, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var slots = Math.Max(office.Settings.SlotsPerDay, counts.Count == 0 ? 0 : counts.Max(c => c.SlotIndex) + 1);
        return [.. Enumerable.Range(0, slots).Select(i =>
        {
            int Count(params BookingState[] states) => counts.Where(c => c.SlotIndex == i && states.Contains(c.State)).Sum(c => c.Count);
            return new SlotReport(
                office.Calendar.SlotStartLocal(i), Count(Enum.GetValues<BookingState>()),
                Count(BookingState.Arrived, BookingState.Completed, BookingState.Returned), Count(BookingState.Forfeited));
        })];
    }

    /// <summary>The report as CSV (comma-separated, invariant numbers, one header line).</summary>
    public static string Csv(IEnumerable<DayReport> days)
    {
        var csv = new StringBuilder("date,bookings,arrived,completed,returned,forfeited,no_show_rate,flags,blacklistings\n");
        foreach (var d in days)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},{d.Bookings},{d.Arrived},{d.Completed},{d.Returned},{d.Forfeited},{d.NoShowRate:0.000},{d.Flags},{d.Blacklistings}\n");
        }

        return csv.ToString();
    }
}

/// <summary>One slot of the day over a range: its bookings, those who came, and the no-shows.</summary>
public sealed record SlotReport(TimeOnly Start, int Bookings, int Arrived, int Forfeited);

/// <summary>One office day's figures.</summary>
public sealed record DayReport(DateOnly Date, int Bookings, int Arrived, int Completed, int Returned, int Forfeited, int Flags, int Blacklistings)
{
    /// <summary>Forfeited codes as a share of the codes whose day was decided (arrived or forfeited).</summary>
    public double NoShowRate => Arrived + Forfeited == 0 ? 0 : (double)Forfeited / (Arrived + Forfeited);
}
