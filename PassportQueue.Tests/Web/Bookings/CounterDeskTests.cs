using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Core.Phones;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Bookings;

public abstract class CounterDeskTests(DatabaseProvider provider)
{
    private const string Budi = "+6281234500001";
    private static readonly Actor Officer = Actor.Staff("petugas@bgr");

    /// <summary>07:00 WIB on 2 December: thirty minutes before the first deadline.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task ChecksInBeforeTheDeadlineAndGivesQueueNumbersInOrder()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var first = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        var second = await h.BookAsync("+6281234500002", "#SITI#01011990#02122026");
        h.Clock.SetUtcNow(Morning);

        var a = await h.Counter.CheckInAsync(first.Code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal), "BGR", Officer, default);
        var b = await h.Counter.CheckInAsync(second.Code, "BGR", Officer, default);

        Assert.Equal((CounterStatus.Done, BookingState.Arrived, 1), (a.Status, a.Booking!.State, a.QueueNumber));
        Assert.Equal((CounterStatus.Done, 2), (b.Status, b.QueueNumber));
        var audit = await h.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.Arrived).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([Officer.Value, Officer.Value], audit.Select(e => e.Actor));
    }

    [SkippableFact]
    public async Task RecordsWhetherACodeWasTypedOrScannedFromItsQrCodeAndByWhom()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var typed = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        var scanned = await h.BookAsync("+6281234500002", "#SITI#01011990#02122026");
        h.Clock.SetUtcNow(Morning);

        Assert.Equal(CounterStatus.Done, (await h.Counter.LookUpAsync(CounterInput.QrContent(BookingCode.TryParse(scanned.Code, out var c) ? c : default), "BGR", default)).Status);
        await h.Counter.CheckInAsync(typed.Code, "BGR", Officer, default);
        await h.Counter.CheckInAsync(" pq:" + scanned.Code + " ", "BGR", Actor.Staff("petugas2@bgr"), default);

        var entries = await h.QueryAsync(db => db.Bookings.OrderBy(b => b.QueueNumber).Select(b => b.CheckInEntry).ToListAsync());
        Assert.Equal([CodeEntry.Typed, CodeEntry.Scanned], entries);
        var audit = await h.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.Arrived).OrderBy(e => e.Id).Select(e => new { e.Actor, e.Reason }).ToListAsync());
        Assert.Equal(
            [(Officer.Value, "~CheckedIn|1|Typed"), ("staff:petugas2@bgr", "~CheckedIn|2|Scanned")],
            audit.Select(a => (a.Actor, a.Reason)));
    }

    [SkippableFact]
    public async Task AcceptsCheckInAtTheDeadlineItself()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        h.Clock.SetUtcNow(new DateTimeOffset(booking.CheckInDeadlineUtc));

        Assert.Equal(CounterStatus.Done, (await h.Counter.CheckInAsync(booking.Code, "BGR", Officer, default)).Status);
    }

    [SkippableFact]
    public async Task ForfeitsCodeWhenArrivingAfterDeadline()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        h.Clock.SetUtcNow(new DateTimeOffset(booking.CheckInDeadlineUtc).AddSeconds(1));

        var late = await h.Counter.CheckInAsync(booking.Code, "BGR", Officer, default);

        Assert.Equal((CounterStatus.Late, BookingState.Forfeited), (late.Status, late.Booking!.State));
        var phone = await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Budi));
        Assert.Equal((1, PhoneStanding.Flagged), (phone.NoShows, phone.Standing));
        var stored = await h.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((BookingState.Forfeited, CounterDesk.LateReason), (stored.State, stored.StateReason));
    }

    [SkippableFact]
    public async Task RefusesCheckInOnAnotherDay()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");

        var early = await h.Counter.CheckInAsync(booking.Code, "BGR", Officer, default);

        Assert.Equal((CounterStatus.NotToday, BookingState.Booked), (early.Status, early.Booking!.State));
    }

    [SkippableTheory]
    [InlineData("BGR-ZZZZZZZZ", "BGR", CounterStatus.NotFound)]
    [InlineData("hello", "BGR", CounterStatus.InvalidCode)]
    [InlineData("", "BGR", CounterStatus.InvalidCode)]
    public async Task AnswersAWrongCodeClearlyAndChangesNothing(string typed, string office, CounterStatus expected)
    {
        await using var h = await EngineHarness.StartAsync(provider);
        h.Clock.SetUtcNow(Morning);

        Assert.Equal(expected, (await h.Counter.CheckInAsync(typed, office, Officer, default)).Status);
        Assert.Equal(0, await h.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task DoesNotShowAnotherOfficesBooking()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        h.Clock.SetUtcNow(Morning);

        Assert.Equal(CounterStatus.NotFound, (await h.Counter.CheckInAsync(booking.Code, "JKP", Officer, default)).Status);
    }

    [SkippableFact]
    public async Task CompletesOrReturnsOnlyAfterArrival()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var first = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        var second = await h.BookAsync("+6281234500002", "#SITI#01011990#02122026");
        h.Clock.SetUtcNow(Morning);

        var tooSoon = await h.Counter.CompleteAsync(first.Code, "BGR", Officer, default);
        await h.Counter.CheckInAsync(first.Code, "BGR", Officer, default);
        await h.Counter.CheckInAsync(second.Code, "BGR", Officer, default);
        var completed = await h.Counter.CompleteAsync(first.Code, "BGR", Officer, default);
        var noReason = await h.Counter.ReturnAsync(second.Code, "BGR", " ", Officer, default);
        var returned = await h.Counter.ReturnAsync(second.Code, "BGR", "KK tidak dibawa", Officer, default);

        Assert.Equal(CounterStatus.WrongState, tooSoon.Status);
        Assert.Equal((CounterStatus.Done, BookingState.Completed), (completed.Status, completed.Booking!.State));
        Assert.Equal(CounterStatus.ReasonRequired, noReason.Status);
        Assert.Equal((CounterStatus.Done, BookingState.Returned), (returned.Status, returned.Booking!.State));
        var stored = await h.QueryAsync(db => db.Bookings.SingleAsync(b => b.Code == second.Code));
        Assert.Equal("KK tidak dibawa", stored.StateReason);
    }

    [SkippableFact]
    public async Task ForfeitsEveryLateCodeAndBlacklistsANumberAfterTwoNoShows()
    {
        await using var h = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 20, PlacesPerSlot = 10 });
        await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        await h.BookAsync(Budi, "#ANI#10032023#02122026");
        await h.BookAsync("+6281234500002", "#SITI#01011990#03122026");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

        var forfeited = await h.Counter.ForfeitLateAsync(null, Actor.System, default);
        var again = await h.Counter.ForfeitLateAsync(null, Actor.System, default);

        Assert.Equal((2, 0), (forfeited, again));
        var phone = await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Budi));
        Assert.Equal((2, PhoneStanding.Blacklisted), (phone.NoShows, phone.Standing));
        Assert.Equal(BookingState.Booked, (await h.QueryAsync(db => db.Bookings.SingleAsync(b => b.Phone == "+6281234500002"))).State);
        var actions = await h.QueryAsync(db => db.AuditEntries.Where(a => a.Actor == "system").Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == AuditAction.Forfeited));
        Assert.Contains(AuditAction.Blacklisted, actions);
    }

    public sealed class OnSqlite() : CounterDeskTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CounterDeskTests(DatabaseProvider.Postgres);
}
