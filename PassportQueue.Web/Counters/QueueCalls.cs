using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Queue;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>How a counter's call went.</summary>
public enum CallStatus
{
    /// <summary>Done: <see cref="CallResult.QueueNumber"/> is the applicant called (or recalled, or skipped).</summary>
    Done = 0,

    /// <summary>No arrived applicant is waiting.</summary>
    NoneWaiting = 1,

    /// <summary>The counter has no applicant to recall or skip.</summary>
    NothingCalled = 2,

    /// <summary>A skip needs a reason.</summary>
    ReasonRequired = 3,

    /// <summary>The office has no counter of that name.</summary>
    UnknownCounter = 4,
}

/// <summary>What a counter's call did.</summary>
public sealed record CallResult(CallStatus Status, int? QueueNumber = null);

/// <summary>What a display board shows: each counter's number now, the last calls, the next numbers. Queue numbers only.</summary>
public sealed record BoardView(IReadOnlyList<(string Counter, int? Serving)> Counters, IReadOnlyList<(string Counter, int Number, CallKind Kind, DateTime AtUtc)> LastCalls, IReadOnlyList<int> Next);

/// <summary>
/// The counters' calls: call the next arrived applicant (<see cref="CallOrder"/>), recall, skip with a
/// reason. Each is one transaction with its audit line; a call is guarded by the unique index on the
/// called booking, so two counters pressing "next" at once call two different applicants.
/// </summary>
public sealed class QueueCalls(IDbContextFactory<PassportQueueDbContext> contexts, Data.Sql.Database database, ChangeFeed feed, TimeProvider time)
{
    /// <summary>Calls the next arrived applicant of today to <paramref name="counter"/>.</summary>
    public Task<CallResult> CallNextAsync(Office office, string counter, Actor actor, CancellationToken ct) =>
        CallNextAsync(office, counter, actor, time.GetUtcNow(), ct);

    /// <summary>Calls the next applicant who had arrived by <paramref name="now"/> (the counters' own call; the demo data replays a day with it).</summary>
    public async Task<CallResult> CallNextAsync(Office office, string counter, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (!office.Settings.Counters.Contains(counter, StringComparer.Ordinal))
        {
            return new CallResult(CallStatus.UnknownCounter);
        }

        var today = office.Calendar.LocalDate(now);
        var waiting = await database.ReadAsync(s => TodayQueue.Waiting(s, office, today), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var next in waiting)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var at = now.UtcDateTime;
            var called = await db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO "CounterCalls" ("OfficeId", "Date", "Counter", "BookingId", "QueueNumber", "Kind", "Actor", "AtUtc")
                 SELECT {office.Id}, {today}, {counter}, {next.BookingId}, {next.QueueNumber}, {(int)CallKind.Call}, {actor.Value}, {at}
                 WHERE EXISTS (SELECT 1 FROM "Bookings" WHERE "Id" = {next.BookingId} AND "State" = {(int)BookingState.Arrived})
                 ON CONFLICT DO NOTHING
                 """,
                ct);
            if (called == 1)
            {
                // The notices go out through the outbox with the call, once each by its (booking, kind) key.
                await OutboxRows.QueueAboutBookingAsync(db, OutboxKind.Called, next.BookingId, at, ct);
                foreach (var near in CallOrder.TurnNear(waiting, next, office.Settings.NotifyWhenAhead))
                {
                    await OutboxRows.QueueAboutBookingAsync(db, OutboxKind.TurnNear, near.BookingId, at, ct);
                }

                db.AuditEntries.Add(AuditEntry.Record(at, actor, AuditAction.Called, office.Id, next.BookingId, null, Reason(counter, next.QueueNumber, null)));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                feed.Publish(new Change(ChangeKind.Calls, office.Code));
                return new CallResult(CallStatus.Done, next.QueueNumber);
            }
        }

        return new CallResult(CallStatus.NoneWaiting);
    }

    /// <summary>Calls the counter's current applicant again.</summary>
    public Task<CallResult> RecallAsync(Office office, string counter, Actor actor, CancellationToken ct) =>
        FollowUpAsync(office, counter, CallKind.Recall, null, actor, ct);

    /// <summary>Gives up on the counter's current applicant, with a reason: they stay checked in (an officer can still serve them by their code) but are not called again.</summary>
    public Task<CallResult> SkipAsync(Office office, string counter, string? reason, Actor actor, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(new CallResult(CallStatus.ReasonRequired))
            : FollowUpAsync(office, counter, CallKind.Skip, reason.Trim()[..Math.Min(reason.Trim().Length, 300)], actor, ct);

    /// <summary>The number a counter serves now (<see cref="TodayQueue.Serving"/>).</summary>
    public Task<int?> ServingAsync(Office office, string counter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        var today = office.Calendar.LocalDate(time.GetUtcNow());
        return database.ReadAsync(s => TodayQueue.Serving(TodayQueue.Calls(s, office.Id, today), counter), ct);
    }

    /// <summary>What the office's display board shows today.</summary>
    public Task<BoardView> BoardAsync(Office office, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        var today = office.Calendar.LocalDate(time.GetUtcNow());
        return database.ReadAsync(
            s =>
            {
                var calls = TodayQueue.Calls(s, office.Id, today);
                return new BoardView(
                    [.. office.Settings.Counters.Select(name => (name, TodayQueue.Serving(calls, name)))],
                    [.. calls.Where(c => c.Kind != CallKind.Skip).Take(6).Select(c => (c.Counter, c.Number, c.Kind, c.AtUtc))],
                    [.. TodayQueue.Waiting(s, office, today).Take(6).Select(w => w.QueueNumber)]);
            },
            ct);
    }

    private async Task<CallResult> FollowUpAsync(Office office, string counter, CallKind kind, string? reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (!office.Settings.Counters.Contains(counter, StringComparer.Ordinal))
        {
            return new CallResult(CallStatus.UnknownCounter);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LastAsync(db, office, counter, ct) is not { Kind: not CallKind.Skip } last)
        {
            return new CallResult(CallStatus.NothingCalled);
        }

        var at = time.GetUtcNow().UtcDateTime;
        db.CounterCalls.Add(new CounterCallRecord
        {
            OfficeId = office.Id, Date = last.Date, Counter = counter, BookingId = last.BookingId, QueueNumber = last.QueueNumber,
            Kind = kind, Reason = reason, Actor = actor.Value, AtUtc = at,
        });
        db.AuditEntries.Add(AuditEntry.Record(
            at, actor, kind == CallKind.Skip ? AuditAction.Skipped : AuditAction.Recalled, office.Id, last.BookingId, null, Reason(counter, last.QueueNumber, reason)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        feed.Publish(new Change(ChangeKind.Calls, office.Code));
        return new CallResult(CallStatus.Done, last.QueueNumber);
    }

    private Task<CounterCallRecord?> LastAsync(PassportQueueDbContext db, Office office, string counter, CancellationToken ct)
    {
        var today = office.Calendar.LocalDate(time.GetUtcNow());
        return db.CounterCalls.Where(c => c.OfficeId == office.Id && c.Date == today && c.Counter == counter).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
    }

    private static string Reason(string counter, int queueNumber, string? typed) =>
        SystemReason.Of(ReasonCode.CounterCall, counter, queueNumber.ToString(CultureInfo.InvariantCulture), typed ?? string.Empty).Stored;
}
