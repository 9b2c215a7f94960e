using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Queue;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Counters;

/// <summary>One call of today at an office, as the board, the counters and <c>ANTREAN</c> read it.</summary>
internal readonly record struct TodayCall(string Counter, long BookingId, int Number, CallKind Kind, DateTime AtUtc);

/// <summary>
/// Today's queue at an office, read in one place for the display board, the counters' "call next" and
/// <c>ANTREAN</c>: the checked-in applicants not called yet in the order they will be called
/// (<see cref="CallOrder"/>), today's calls newest first, and the number each counter serves now.
/// </summary>
internal static class TodayQueue
{
    /// <summary>Checked-in applicants of the day not called yet, in calling order.</summary>
    public static IReadOnlyList<WaitingApplicant> Waiting(SqlSession s, Office office, DateOnly today) =>
        CallOrder.Order(
            s.List(
                $"""
                 SELECT b."Id" AS "Id", b."QueueNumber" AS "QueueNumber", b."IsPriority" AS "IsPriority" FROM "Bookings" b
                 WHERE b."OfficeId" = @office AND b."Date" = @today AND b."State" = {StateSql.Arrived}
                   AND NOT EXISTS (SELECT 1 FROM "CounterCalls" c WHERE c."BookingId" = b."Id" AND c."Kind" = {StateSql.Call})
                 """,
                r => new WaitingApplicant(r.Get<long>("Id"), r.Get<int?>("QueueNumber") ?? 0, r.Get<bool>("IsPriority")),
                ("@office", office.Id), ("@today", today)),
            office.Settings.PriorityFirst);

    /// <summary>The day's calls, newest first.</summary>
    public static IReadOnlyList<TodayCall> Calls(SqlSession s, int officeId, DateOnly today) =>
        s.List(
            """
            SELECT c."Counter" AS "Counter", c."BookingId" AS "BookingId", c."QueueNumber" AS "QueueNumber", c."Kind" AS "Kind", c."AtUtc" AS "AtUtc"
            FROM "CounterCalls" c WHERE c."OfficeId" = @office AND c."Date" = @today ORDER BY c."Id" DESC
            """,
            r => new TodayCall(r.Get<string>("Counter"), r.Get<long>("BookingId"), r.Get<int>("QueueNumber"), r.GetEnum<CallKind>("Kind"), r.GetUtc("AtUtc")),
            ("@office", officeId), ("@today", today));

    /// <summary>The number a counter serves now: its last call or recall, unless it skipped it since.</summary>
    public static int? Serving(IReadOnlyList<TodayCall> calls, string counter) =>
        calls.FirstOrDefault(c => c.Counter == counter) is { Counter: not null, Kind: not CallKind.Skip } last ? last.Number : null;

    /// <summary><c>ANTREAN</c>: the number's active and today's bookings at the office, each with its place in today's queue, and what each counter serves now.</summary>
    public static QueueAnswered Answer(SqlSession s, Office office, PhoneNumber phone, DateOnly today)
    {
        // The booking's usual columns and its queue number.
        var mine = s.List(
            BookingRows.Select.Replace("\nFROM", """, b."QueueNumber" AS "QueueNumber" FROM""", StringComparison.Ordinal) + $"""
                 WHERE b."Id" IN (SELECT m."BookingId" FROM "Messages" m WHERE m."Phone" = @p AND m."BookingId" IS NOT NULL)
                   AND b."OfficeId" = @office AND (b."State" IN {StateSql.Active} OR b."Date" = @today) AND b."Date" >= @today
                 ORDER BY b."SlotStartUtc"
                """,
            r => (Id: r.Get<long>("Id"), View: BookingRows.Map(r), Queue: r.Get<int?>("QueueNumber")),
            ("@p", phone.E164), ("@office", office.Id), ("@today", today));
        if (mine.Count == 0 || mine.All(b => b.View.Date != today))
        {
            return new QueueAnswered(today, [.. mine.Select(b => Standing(b.View, b.Queue, null, null))], []);
        }

        var order = TodayQueue.Waiting(s, office, today).Select(w => w.BookingId).ToList();
        var calls = TodayQueue.Calls(s, office.Id, today);
        var serving = office.Settings.Counters
            .Select(counter => TodayQueue.Serving(calls, counter) is { } number ? new CounterServing(counter, number) : null)
            .OfType<CounterServing>().ToList();
        return new QueueAnswered(
            today,
            [.. mine.Select(b => Standing(
                b.View, b.Queue, order.IndexOf(b.Id) is >= 0 and var ahead ? ahead : null,
                calls.FirstOrDefault(c => c.BookingId == b.Id && c.Kind != CallKind.Skip) is { Counter: { } to } ? to : null,
                // The day's calls are newest first: the last word about this applicant decides.
                calls.Where(c => c.BookingId == b.Id).Select(c => (CallKind?)c.Kind).FirstOrDefault() == CallKind.Skip))],
            serving);
    }

    private static QueueStanding Standing(BookingView b, int? queue, int? ahead, string? calledTo, bool skipped = false) =>
        new(b.Code, b.Date, b.State, b.SlotStartUtc, b.CheckInDeadlineUtc, queue, ahead, calledTo, skipped);
}
