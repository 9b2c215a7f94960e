using PassportQueue.Core.Phones;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Bookings;

/// <summary>
/// Bursts of simultaneous messages and jobs on one database (a real SQLite file, or a real
/// PostgreSQL server), split across two independent nodes (each with its own connections and
/// write queue), as two web processes would be.
/// </summary>
public abstract class ConcurrencyTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task HundredsOfSimultaneousAttemptsBookExactlyThePlacesAndNothingElse()
    {
        var settings = Builders.Settings() with { SlotsPerDay = 6, PlacesPerSlot = 10, DailyQuota = 60, PriorityQuota = 10 };
        await using var a = await EngineHarness.StartAsync(provider, settings);
        await using var b = await a.SecondNodeAsync();

        var outcomes = await Burst(400, i =>
        {
            var node = i % 2 == 0 ? a : b;
            var birth = i % 5 == 0 ? "01012024" : "01011990";
            return node.SendAsync(Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#{birth}#02122026", messageId: $"SM-burst-{i}");
        });

        var booked = outcomes.OfType<BookingConfirmed>().Select(o => o.Booking).ToList();
        Assert.Equal(60, booked.Count);
        Assert.Equal(340, outcomes.OfType<BookingRefused>().Count(r => r.Reason == RefusalReason.DayFull));
        Assert.Equal(60, booked.Select(x => x.Code).Distinct().Count());
        Assert.All(booked.GroupBy(x => x.SlotIndex), slot => Assert.Equal(10, slot.Count()));
        Assert.Equal(60, await a.QueryAsync(db => db.Bookings.CountAsync()));
        var counter = await a.QueryAsync(db => db.DayCounters.SingleAsync());
        Assert.Equal((50, 10), (counter.OpenTaken, counter.PriorityTaken));
        Assert.Equal(400, await a.QueryAsync(db => db.Messages.CountAsync(m => m.Outcome != "")));
        Assert.Equal(60, await a.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Booked)));
    }

    [SkippableFact]
    public async Task TheFirstBookingsOfADayAtBothNodesAtOnceAllGetPlaces()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();

        // Several days, so that each node's batch creates some day's counter while the other's waits on it.
        var outcomes = await Burst(120, i => (i % 2 == 0 ? a : b).SendAsync(
            Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#{2 + (i % 3):D2}122026"));

        Assert.All(outcomes, o => Assert.IsType<BookingConfirmed>(o));
        Assert.Equal(120, await a.QueryAsync(db => db.DayCounters.SumAsync(c => c.OpenTaken)));
    }

    [SkippableFact]
    public async Task TheSameMessageDeliveredManyTimesAtOnceBooksOnce()
    {
        await using var a = await EngineHarness.StartAsync(provider);
        await using var b = await a.SecondNodeAsync();

        var outcomes = await Burst(100, i => (i % 2 == 0 ? a : b).SendAsync("+6281234500001", "#BUDI#25011987#02122026", messageId: "SM-twice"));

        var codes = outcomes.Select(o => Assert.IsType<BookingConfirmed>(o).Booking.Code).Distinct();
        Assert.Single(codes);
        Assert.Equal(1, await a.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task ManyAdultsFromOneNumberAtOnceLeaveOneOwner()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();

        var outcomes = await Burst(60, i => (i % 2 == 0 ? a : b).SendAsync("+6281234500001", $"#Dewasa {Builders.Letters(i)}#01011990#02122026"));

        Assert.Single(outcomes.OfType<BookingConfirmed>());
        Assert.Equal(59, outcomes.OfType<BookingRefused>().Count(r => r.Reason == RefusalReason.NumberBelongsToAnotherAdult));
        Assert.Equal(1, await a.QueryAsync(db => db.Phones.CountAsync(p => p.OwnerPersonKey != null)));
    }

    [SkippableFact]
    public async Task OnePersonFromManyNumbersAtOnceGetsOneBooking()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();

        var outcomes = await Burst(60, i => (i % 2 == 0 ? a : b).SendAsync(Builders.Sender(i), "#BUDI SANTOSO#25011987#02122026"));

        Assert.Single(outcomes.OfType<BookingConfirmed>());
        Assert.Equal(1, await a.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task BothNodesForfeitingLateCodesAtOnceForfeitEachCodeOnce()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();
        for (var i = 0; i < 30; i++)
        {
            await a.BookAsync(Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#02122026");
        }

        var late = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
        a.Clock.SetUtcNow(late);
        b.Clock.SetUtcNow(late);

        var counts = await Burst(8, i => (i % 2 == 0 ? a : b).Counter.ForfeitLateAsync(null, Actor.System, default));

        Assert.Equal(30, counts.Sum());
        Assert.Equal(30, await a.QueryAsync(db => db.Bookings.CountAsync(x => x.State == BookingState.Forfeited)));
        Assert.Equal(30, await a.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Forfeited)));
        Assert.Equal(30, await a.QueryAsync(db => db.Outbox.CountAsync()));
        Assert.All(await a.QueryAsync(db => db.Phones.Select(p => p.NoShows).ToListAsync()), n => Assert.Equal(1, n));
    }

    [SkippableFact]
    public async Task BothNodesLeasingTheOutboxAtOnceLeaseEachMessageOnce()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();
        for (var i = 0; i < 40; i++)
        {
            await a.BookAsync(Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#02122026");
        }

        var now = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);
        a.Clock.SetUtcNow(now);
        Assert.Equal(40, await a.Counter.ForfeitLateAsync(null, Actor.System, default));
        var outboxes = new[] { new OutboxStore(a.Get<WriteBatcher>(), a.Get<Database>(), a.Get<IDbContextFactory<PassportQueueDbContext>>()), new OutboxStore(b.Get<WriteBatcher>(), b.Get<Database>(), b.Get<IDbContextFactory<PassportQueueDbContext>>()) };

        var leases = await Burst(16, i => outboxes[i % 2].LeaseDueAsync($"node-{i % 2}", now, now.AddMinutes(5), 5, default));

        var leased = leases.SelectMany(l => l).Select(m => m.Id).ToList();
        Assert.Equal(40, leased.Count);
        Assert.Equal(40, leased.Distinct().Count());
    }

    [SkippableFact]
    public async Task MessagesLeasedByANodeThatDiesAreSentByAnotherOnceTheLeaseRunsOut()
    {
        await using var a = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 100, PlacesPerSlot = 50 });
        await using var b = await a.SecondNodeAsync();
        for (var i = 0; i < 10; i++)
        {
            await a.BookAsync(Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#02122026");
        }

        var now = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);
        a.Clock.SetUtcNow(now);
        Assert.Equal(10, await a.Counter.ForfeitLateAsync(null, Actor.System, default));
        var dying = new OutboxStore(a.Get<WriteBatcher>(), a.Get<Database>(), a.Get<IDbContextFactory<PassportQueueDbContext>>());
        var survivor = new OutboxStore(b.Get<WriteBatcher>(), b.Get<Database>(), b.Get<IDbContextFactory<PassportQueueDbContext>>());

        // Node A leases everything for five minutes, then dies before sending.
        Assert.Equal(10, (await dying.LeaseDueAsync("node-a", now, now.AddMinutes(5), 50, default)).Count);
        Assert.Empty(await survivor.LeaseDueAsync("node-b", now.AddMinutes(4), now.AddMinutes(9), 50, default));
        var taken = await survivor.LeaseDueAsync("node-b", now.AddMinutes(6), now.AddMinutes(11), 50, default);
        Assert.Equal(10, taken.Count);
        foreach (var message in taken)
        {
            await survivor.FinishAsync(message.Id, "node-b", OutboxStatus.Sent, "text", null, $"SM-out-{message.Id}", null, now.AddMinutes(6), default);
        }

        // Were node A to come back with its old lease, it could not mark them again.
        await dying.FinishAsync(taken[0].Id, "node-a", OutboxStatus.Failed, null, null, null, "late", now.AddMinutes(7), default);
        Assert.Equal(10, await a.QueryAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent && o.LeasedBy == "node-b" && o.Attempts == 1)));
    }

    [SkippableFact]
    public async Task BothNodesRemovingOldPhotosAtOnceRemoveEachOnce()
    {
        await using var a = await EngineHarness.StartAsync(provider);
        await using var b = await a.SecondNodeAsync();
        var keys = Microsoft.AspNetCore.DataProtection.DataProtectionProvider.Create("PassportQueue.Tests");
        var photos = new[] { a, b }.Select(n => new IdPhotoStore(n.Get<IDbContextFactory<PassportQueueDbContext>>(), keys, n.Clock)).ToArray();
        for (var i = 0; i < 20; i++)
        {
            // e-KTP photos that came without a booking (the message was refused), stored with their messages.
            var node = i % 2 == 0 ? a : b;
            var photo = photos[i % 2].Seal("image/jpeg", [0xFF, 0xD8, (byte)i, 0xFF, 0xD9]);
            await node.Get<IBookingStore>().RecordAsync(
                new IncomingRecord($"SM-photo-{i}", 1, PhoneNumber.Parse(Builders.Sender(i)), "#A#B", Builders.Now.UtcDateTime, photo),
                new BookingRefused(RefusalReason.OutsideIntakeHours, []),
                default);
        }

        var later = Builders.Now.AddDays(31);
        a.Clock.SetUtcNow(later);
        b.Clock.SetUtcNow(later);

        var removed = await Burst(8, i => photos[i % 2].DeleteExpiredAsync(30, default));

        Assert.Equal(20, removed.Sum());
        Assert.Equal(20, await a.QueryAsync(db => db.IdPhotos.CountAsync(p => p.Encrypted == null && p.DeletedAtUtc != null)));
    }

    /// <summary>Starts every call at once on the thread pool and waits for all of them.</summary>
    private static async Task<T[]> Burst<T>(int count, Func<int, Task<T>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await send(i);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    public sealed class OnSqlite() : ConcurrencyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ConcurrencyTests(DatabaseProvider.Postgres);
}
