using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Bookings;

/// <summary>An office whose window starts today books today only in slots whose check-in is still ahead.</summary>
public abstract class SameDayBookingTests(DatabaseProvider provider)
{
    // Two slots (08:00 and 08:30 WIB) of two places; check-in closes 30 minutes before each.
    private static readonly PassportQueue.Core.Offices.OfficeSettings Bogor = Builders.Settings() with { WindowStartDays = 0 };

    [SkippableFact]
    public async Task SkipsThePlacesOfASlotWhoseCheckInClosed()
    {
        await using var h = await EngineHarness.StartAsync(provider, Bogor);
        // Wednesday 2 December, 07:45 WIB: the 08:00 slot's check-in closed at 07:30; the 08:30 slot's closes at 08:00.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 45, 0, TimeSpan.Zero));

        var first = await h.BookAsync("+6281234500001", "#SITI#01011990#02122026");
        var second = await h.BookAsync("+6281234500002", "#ANI#01011991#02122026");
        var third = await h.SendAsync("+6281234500003", "#RINA#01011992#02122026");

        Assert.Equal((1, 1), (first.SlotIndex, second.SlotIndex));
        Assert.Equal(RefusalReason.DayFull, Assert.IsType<BookingRefused>(third).Reason);
        var counter = await h.QueryAsync(db => db.DayCounters.SingleAsync());
        Assert.Equal((2, 2), (counter.OpenTaken, counter.Skipped));
        Assert.Equal([3, 4], await h.QueryAsync(db => db.Bookings.OrderBy(b => b.DayPlace).Select(b => b.DayPlace).ToListAsync()));
    }

    [SkippableFact]
    public async Task RefusesTodayOnceEveryCheckInClosedAndOffersOnlyDatesItWouldAccept()
    {
        await using var h = await EngineHarness.StartAsync(provider, Bogor);
        // 14:34 WIB on Tuesday 1 December.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 34, 0, TimeSpan.Zero));

        var refused = Assert.IsType<BookingRefused>(await h.SendAsync("+6281234500001", "#SITI#01011990#01122026"));

        Assert.Equal(RefusalReason.NoSlotLeftToday, refused.Reason);
        Assert.Equal([new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4)], refused.NextDates);
        Assert.Equal(new DateOnly(2026, 12, 2), (await h.BookAsync("+6281234500001", "#SITI#01011990#02122026")).Date);
    }

    public sealed class OnSqlite() : SameDayBookingTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SameDayBookingTests(DatabaseProvider.Postgres);
}
