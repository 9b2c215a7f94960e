using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>An office's day: its bookings by slot and its counts.</summary>
public sealed class TodayQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    public async Task<DayOverview> DayAsync(string officeCode, DateOnly date, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Code == officeCode, ct);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == office.Id && b.Date == date)
            .OrderBy(b => b.SlotIndex).ThenBy(b => b.DayPlace)
            .Select(b => new DayRow(b.Code, b.Name, b.Phone, b.SlotIndex, b.SlotStartUtc, b.State, b.QueueNumber, b.AgeGroup, b.IsOwner))
            .ToListAsync(ct);
        var counter = await db.DayCounters.AsNoTracking().SingleOrDefaultAsync(c => c.OfficeId == office.Id && c.Date == date, ct);
        var placesLeft = counter is null ? office.Settings.DailyQuota : counter.Quota - counter.OpenTaken - counter.PriorityTaken;
        return new DayOverview(rows, rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count()), placesLeft);
    }
}

/// <summary>One office day.</summary>
public sealed record DayOverview(IReadOnlyList<DayRow> Rows, IReadOnlyDictionary<BookingState, int> Counts, int PlacesLeft);

/// <summary>One booking on the day's list.</summary>
public sealed record DayRow(
    string Code, string Name, string Phone, int SlotIndex, DateTime SlotStartUtc, BookingState State, int? QueueNumber, AgeGroup AgeGroup, bool IsOwner);
