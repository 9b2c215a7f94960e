using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data;
using PassportQueue.Web.Demo;
using PassportQueue.Web.Rings;
using PassportQueue.Web.Counters;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Demo;

/// <summary>The Development demo data looks like a real office at the moment it is made, and is no scalper ring.</summary>
public sealed class DemoDataTests
{
    [SkippableFact]
    public async Task ThirtyDaysOfHistoryTodayByTheClockAndTheNextDaysFillingWithoutARing()
    {
        // 09:00 WIB on Tuesday 1 December: the slots until 09:00 have been served, those around now are checked in.
        var bogor = Builders.Settings() with { SlotsPerDay = 14, PlacesPerSlot = 8, DailyQuota = 100, PriorityQuota = 20 };
        await using var h = await EngineHarness.StartAsync(bogor, Builders.Batam() with { SlotsPerDay = 16, PlacesPerSlot = 18, DailyQuota = 285, PriorityQuota = 50 });
        await h.Get<DemoData>().SeedAsync(default);
        var today = new DateOnly(2026, 12, 1);
        var now = Builders.Now.UtcDateTime;

        var bookings = await h.QueryAsync(db => db.Bookings.Join(db.Offices, b => b.OfficeId, o => o.Id, (b, o) => new { o.Code, b.Date, b.State, b.SlotStartUtc, b.CheckInDeadlineUtc, b.SlotIndex, b.AgeGroup })
            .ToListAsync());
        foreach (var office in new[] { "BGR", "BTM" })
        {
            var mine = bookings.Where(b => b.Code == office).ToList();
            // Working days of the last 30 days (21 of them), each with its share of the states.
            Assert.Equal(21, mine.Where(b => b.Date < today).Select(b => b.Date).Distinct().Count());
            var past = mine.Where(b => b.Date < today).ToList();
            Assert.All(past, b => Assert.NotEqual(BookingState.Booked, b.State));
            Assert.InRange(past.Count(b => b.State == BookingState.Forfeited) / (double)past.Count, 0.06, 0.2);
            Assert.InRange(past.Count(b => b.State == BookingState.Returned) / (double)past.Count, 0.03, 0.16);
            Assert.True(past.Count(b => b.State == BookingState.Completed) > past.Count / 2);
            Assert.Contains(past, b => b.AgeGroup == AgeGroup.Lansia);
            // The busiest slots are the mornings.
            Assert.True(past.Count(b => b.SlotIndex == 0) > 2 * past.Count(b => b.SlotIndex == 13));

            // Today: served before now, checked in and waiting around now, booked later; tomorrow filling up.
            var todays = mine.Where(b => b.Date == today).ToList();
            Assert.Contains(todays, b => b.State == BookingState.Completed && b.SlotStartUtc < now);
            Assert.Contains(todays, b => b.State == BookingState.Arrived);
            Assert.Contains(todays, b => b.State == BookingState.Booked && b.SlotStartUtc > now);
            Assert.All(todays.Where(b => b.CheckInDeadlineUtc < now), b => Assert.NotEqual(BookingState.Booked, b.State));
            Assert.All(todays.Where(b => b.SlotStartUtc > now.AddHours(2)), b => Assert.Equal(BookingState.Booked, b.State));
            Assert.True(mine.Count(b => b.Date == today.AddDays(1) && b.State == BookingState.Booked) >= 15);
        }

        // The counters have called three applicants at each office, and the board shows them.
        var office1 = (await h.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var board = await h.Get<QueueCalls>().BoardAsync(office1, default);
        Assert.All(board.Counters, c => Assert.NotNull(c.Serving));
        Assert.NotEmpty(board.Next);

        // A few flagged numbers (the last week's no-shows and one an officer flagged); one blacklisted by each supervisor,
        // and where a parent and their balita both stayed away, the rules' own blacklisting.
        var standings = await h.QueryAsync(db => db.Phones.GroupBy(p => p.Standing).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.InRange(standings.Single(s => s.Key == PhoneStanding.Blacklisted).Count, 2, 4);
        Assert.InRange(standings.Single(s => s.Key == PhoneStanding.Flagged).Count, 4, 60);
        Assert.Equal(2, await h.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Blacklisted && a.Actor.Contains("supervisor."))));

        // Spread numbers, names, births and addresses: the ring scan finds nothing.
        Assert.Equal(0, await h.Get<RingDetector>().ScanAsync(default));
        Assert.Equal(0, await h.QueryAsync(db => db.RingSignals.CountAsync()));
    }
}
