using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Queue;
using PassportQueue.Tests.Web.Data;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Bookings;
using PassportQueue.Web.Counters;

namespace PassportQueue.Tests.Web.Counters;

/// <summary>Counters call the arrived applicants in order, recall and skip them, each audited; the board shows queue numbers only.</summary>
public abstract class QueueCallsTests(DatabaseProvider provider)
{
    private static readonly Actor Officer = Actor.Staff("petugas@bgr");

    /// <summary>07:00 WIB on 2 December, the appointment day.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task CallsInQueueOrderWithPriorityApplicantsFirstThenRecallsAndSkipsEachAudited()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var (office, calls) = await ArrivedAsync(h, "#ADI#01011990#02122026", "#BUDI#02021990#02122026", "#BAYI KECIL#01012025#02122026");

        var first = await calls.CallNextAsync(office, "Loket 1", Officer, default);
        var second = await calls.CallNextAsync(office, "Loket 2", Officer, default);
        var recalled = await calls.RecallAsync(office, "Loket 1", Officer, default);
        var noReason = await calls.SkipAsync(office, "Loket 2", " ", Officer, default);
        var skipped = await calls.SkipAsync(office, "Loket 2", "tidak datang ke loket", Officer, default);
        var third = await calls.CallNextAsync(office, "Loket 2", Officer, default);
        var none = await calls.CallNextAsync(office, "Loket 3", Officer, default);

        // The balita checked in third but is called first; then queue numbers in order.
        Assert.Equal((CallStatus.Done, 3), (first.Status, first.QueueNumber));
        Assert.Equal((CallStatus.Done, 1), (second.Status, second.QueueNumber));
        Assert.Equal((CallStatus.Done, 3), (recalled.Status, recalled.QueueNumber));
        Assert.Equal(CallStatus.ReasonRequired, noReason.Status);
        Assert.Equal((CallStatus.Done, 1), (skipped.Status, skipped.QueueNumber));
        Assert.Equal((CallStatus.Done, 2), (third.Status, third.QueueNumber));
        Assert.Equal(CallStatus.NoneWaiting, none.Status);
        Assert.Equal(CallStatus.UnknownCounter, (await calls.CallNextAsync(office, "Loket 9", Officer, default)).Status);
        Assert.Equal(CallStatus.NothingCalled, (await calls.RecallAsync(office, "Loket 3", Officer, default)).Status);

        var audit = await h.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Called || a.Action == AuditAction.Recalled || a.Action == AuditAction.Skipped)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.Reason }).ToListAsync());
        Assert.Equal(
            [AuditAction.Called, AuditAction.Called, AuditAction.Recalled, AuditAction.Skipped, AuditAction.Called],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Officer.Value, a.Actor));
        Assert.Equal("~CounterCall|Loket 2|1|tidak datang ke loket", audit[3].Reason);

        var board = await calls.BoardAsync(office, default);
        Assert.Equal([("Loket 1", (int?)3), ("Loket 2", 2), ("Loket 3", null)], board.Counters);
        Assert.Equal([2, 3, 1, 3], board.LastCalls.Select(c => c.Number));
        Assert.Empty(board.Next);
    }

    [SkippableFact]
    public async Task TwoCountersCallingAtTheSameMomentCallTwoDifferentApplicants()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var (office, calls) = await ArrivedAsync(h, "#ADI#01011990#02122026", "#BUDI#02021990#02122026");
        await using var other = await h.SecondNodeAsync();
        var otherCalls = other.Get<QueueCalls>();
        other.Clock.SetUtcNow(Morning);

        var results = await Task.WhenAll(
            calls.CallNextAsync(office, "Loket 1", Officer, default),
            otherCalls.CallNextAsync(office, "Loket 2", Officer, default));

        Assert.Equal([1, 2], results.Select(r => r.QueueNumber ?? 0).Order());
        Assert.Equal(2, await h.QueryAsync(db => db.CounterCalls.CountAsync(c => c.Kind == CallKind.Call)));
        Assert.Equal(CallStatus.NoneWaiting, (await calls.CallNextAsync(office, "Loket 3", Officer, default)).Status);
    }

    [SkippableFact]
    public async Task TellsTheCalledApplicantAndThoseWhoseTurnIsNearThroughTheOutboxOnceEach()
    {
        await using var h = await EngineHarness.StartAsync(provider, new Dictionary<string, string?> { ["Offices:BGR:NotifyWhenAhead"] = "1" }, Builders.Settings() with { PlacesPerSlot = 4, DailyQuota = 8 });
        var (office, calls) = await ArrivedAsync(h, "#ADI#01011990#02122026", "#BUDI#02021990#02122026", "#CICI#03031990#02122026", "#DEDI#04041990#02122026");

        await calls.CallNextAsync(office, "Loket 1", Officer, default);
        await calls.RecallAsync(office, "Loket 1", Officer, default);
        await calls.CallNextAsync(office, "Loket 2", Officer, default);

        // Called: 1 and 2, once each (the recall adds nothing). Turn near (at most one ahead): 2 and 3 after
        // the first call, 3 again (already told) and 4 after the second.
        var notices = await h.QueryAsync(db => db.Outbox.Join(db.Bookings, o => o.BookingId, b => b.Id, (o, b) => new { o.Kind, b.QueueNumber, ToItsNumber = o.Phone == b.Phone })
            .OrderBy(n => n.Kind).ThenBy(n => n.QueueNumber).ToListAsync());
        Assert.All(notices, n => Assert.True(n.ToItsNumber));
        Assert.Equal(
            [(OutboxKind.TurnNear, (int?)2), (OutboxKind.TurnNear, 3), (OutboxKind.TurnNear, 4), (OutboxKind.Called, 1), (OutboxKind.Called, 2)],
            notices.Select(n => (n.Kind, n.QueueNumber)));
    }

    [SkippableFact]
    public async Task SendsNoTurnNearNoticeWhereTheOfficeTurnedItOff()
    {
        await using var h = await EngineHarness.StartAsync(provider, new Dictionary<string, string?> { ["Offices:BGR:NotifyWhenAhead"] = "0" });
        var (office, calls) = await ArrivedAsync(h, "#ADI#01011990#02122026", "#BUDI#02021990#02122026");

        await calls.CallNextAsync(office, "Loket 1", Officer, default);

        Assert.Equal([OutboxKind.Called], await h.QueryAsync(db => db.Outbox.Select(o => o.Kind).ToListAsync()));
    }

    private static async Task<(PassportQueue.Core.Offices.Office Office, QueueCalls Calls)> ArrivedAsync(EngineHarness h, params string[] bodies)
    {
        var codes = new List<string>();
        for (var i = 0; i < bodies.Length; i++)
        {
            codes.Add((await h.BookAsync($"+62812345001{i:D2}", bodies[i])).Code);
        }

        h.Clock.SetUtcNow(Morning);
        foreach (var code in codes)
        {
            await h.Counter.CheckInAsync(code, "BGR", Officer, default);
        }

        return ((await h.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!, h.Get<QueueCalls>());
    }

    public sealed class OnSqlite() : QueueCallsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : QueueCallsTests(DatabaseProvider.Postgres);
}
