using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Bookings;

/// <summary>
/// PostgreSQL takes a write batch's bookings together (<c>BulkBookings</c>): two round trips for the
/// batch. The same messages, sent the same way to a node with the bulk path and to one without it,
/// must give the same answers and leave the same data.
/// </summary>
public sealed class BulkBookingTests
{
    // Ten places a day in two slots, two of them for balita and lansia.
    private static readonly PassportQueue.Core.Offices.OfficeSettings Office =
        Builders.Settings() with { SlotsPerDay = 2, PlacesPerSlot = 5, DailyQuota = 10, PriorityQuota = 2 };

    [SkippableFact]
    public async Task ABatchOfBookingsGoesTogetherWithTheAnswersAndDataOfOneByOne()
    {
        // One writer loop each, so that holding it holds every booking of the burst in one batch.
        await using var together = await EngineHarness.StartAsync(
            DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Database:Writers"] = "1" }, Office);
        await using var alone = await EngineHarness.StartAsync(
            DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Database:Writers"] = "1", ["Database:BulkWrites"] = "false" }, Office);

        var withBulk = await RunAsync(together);
        var without = await RunAsync(alone);

        Assert.Equal(without.Answers, withBulk.Answers);
        Assert.Equal(without.Data, withBulk.Data);
        // Of the burst's nine, seven went together: not the closed day (no booking) or the flagged refusal.
        Assert.Equal(7, withBulk.AnsweredInBulk);
        Assert.Equal(0, without.AnsweredInBulk);
    }

    [SkippableFact]
    public async Task ABulkRunCommitsWithItsLastRoundTripOrIsUndoneWhenTheServerCountsFewerRows()
    {
        await using var h = await EngineHarness.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Database:Writers"] = "1" });
        var batcher = h.Get<WriteBatcher>();
        await h.BookAsync("+6281230000001", "#Ibu Sari#01011985#02122026");
        const string Rename = """UPDATE "Phones" SET "OwnerName" = @name WHERE "Number" = '+6281230000001'""";

        // One row changes, as decided: the bulk run answers, and its batch commits with it.
        var committed = new RenamingBulk(rows => SqlSession.Statement.Exactly(rows, Rename, ("@name", "SARI BULK")), expectedRows: 1);
        Assert.Equal("bulk", await batcher.RunAsync(committed, "a", _ => "alone", lane: 0));
        Assert.True(committed.Committed);

        // Two decided, one changed: the server refuses before the commit, nothing of the run stays, the request runs alone.
        var refused = new RenamingBulk(rows => SqlSession.Statement.Exactly(rows, Rename, ("@name", "SARI LOST")), expectedRows: 2);
        Assert.Equal("alone", await batcher.RunAsync(refused, "b", _ => "alone", lane: 0));
        Assert.Equal("SARI BULK", await h.QueryAsync(db => db.Phones.Where(p => p.Number == "+6281230000001").Select(p => p.OwnerName).SingleAsync()));
    }

    /// <summary>Arranges the same data one message at a time, then sends the burst in one write batch.</summary>
    private static async Task<(List<string> Answers, List<string> Data, long AnsweredInBulk)> RunAsync(EngineHarness h)
    {
        // A parent owns +6281230000001; an applicant booked from +6281230000002; 4 December is full.
        await h.BookAsync("+6281230000001", "#Ibu Sari#01011985#02122026");
        await h.BookAsync("+6281230000002", "#Budi Santoso#01011980#03122026");
        for (var i = 0; i < 10; i++)
        {
            await h.SendAsync(Builders.Sender(900 + i), $"#Pengisi {Builders.Letters(i)}#{(i < 2 ? "01012024" : "01011990")}#04122026", messageId: $"SM-fill-{i}");
        }

        var batcher = h.Get<WriteBatcher>();
        var bulkBefore = batcher.AnsweredInBulk;
        using var held = await HeldLoop.HoldAsync(batcher);
        var sent = Burst().Select(m => h.SendAsync(m.From, m.Body, messageId: m.Id)).ToList();
        // Every message of the burst reaches the write queue before the loop is let go: each waits there.
        await WaitQueuedAsync(h, sent.Count);
        await held.ReleaseAsync();
        var outcomes = await Task.WhenAll(sent);

        var answers = Burst().Zip(outcomes, (m, o) => $"{m.Id}: {Describe(o)}").ToList();
        var data = await h.QueryAsync(async db =>
        {
            var counters = await db.DayCounters.OrderBy(c => c.Date)
                .Select(c => $"{c.Date:yyyy-MM-dd} open {c.OpenTaken} priority {c.PriorityTaken} skipped {c.Skipped}").ToListAsync();
            var phones = await db.Phones.OrderBy(p => p.Number)
                .Select(p => $"{p.Number} owner {p.OwnerName} dependants {p.Dependants} standing {p.Standing}").ToListAsync();
            var bookings = await db.Bookings.OrderBy(b => b.Name)
                .Select(b => $"{b.Name} {b.Date:yyyy-MM-dd} priority {b.IsPriority} owner {b.IsOwner} {b.State} message {b.MessageId != null}").ToListAsync();
            var audit = await db.AuditEntries.GroupBy(a => a.Action).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count()} with booking {g.Count(a => a.BookingId != null)}").ToListAsync();
            var messages = await db.Messages.CountAsync(m => m.Outcome != "");
            var linked = await db.Messages.CountAsync(m => m.BookingId != null);
            var unlinked = await db.Bookings.CountAsync(b => !db.Messages.Any(m => m.BookingId == b.Id && m.MessageId == b.MessageId));
            return (List<string>)[.. counters, .. phones, .. bookings, .. audit, $"messages {messages}, linked {linked}, bookings without their message {unlinked}"];
        });
        return (answers, data, batcher.AnsweredInBulk - bulkBefore);
    }

    /// <summary>The burst: each a different kind of request, every answer independent of the order they are taken in.</summary>
    private static List<(string Id, string From, string Body)> Burst() =>
    [
        ("SM-adult-1", "+6281230000011", "#Adi Wijaya#01011990#02122026"),
        ("SM-adult-2", "+6281230000012", "#Bayu Pratama#02021991#02122026"),
        ("SM-adult-3", "+6281230000013", "#Citra Lestari#03031992#07122026"),
        // A balita on the parent's number: a new dependant, from the priority share.
        ("SM-balita", "+6281230000001", "#Kecil Sari#01012024#02122026"),
        // A lansia on a new number of their own: the priority share.
        ("SM-lansia", "+6281230000014", "#Eyang Harjo#01011950#02122026"),
        // The full day: refused, with other dates that have places.
        ("SM-full", "+6281230000015", "#Fajar Nugroho#05051995#04122026"),
        // A closed day: refused by the plan before the store.
        ("SM-closed", "+6281230000016", "#Gita Ayu#06061996#25122026"),
        // The applicant who booked from another number: refused with a flag (runs alone).
        ("SM-other-number", "+6281230000017", "#Budi Santoso#01011980#02122026"),
        // A filler's message delivered again: its stored answer.
        ("SM-fill-3", Builders.Sender(903), "#Pengisi AAD#01011990#04122026"),
    ];

    private static string Describe(MessageOutcome outcome) => outcome switch
    {
        BookingConfirmed c => $"booked {c.Booking.Date:yyyy-MM-dd} {c.Booking.AgeGroup} owner {c.Booking.IsOwner} code {c.Booking.Code.Length > 0}",
        BookingRefused r => $"refused {r.Reason} offering {string.Join(",", r.NextDates.Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}",
        _ => outcome.GetType().Name,
    };

    /// <summary>Completes once <paramref name="count"/> units wait in the write queue.</summary>
    private static async Task WaitQueuedAsync(EngineHarness h, int count)
    {
        var batcher = h.Get<WriteBatcher>();
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (batcher.Waiting >= count)
            {
                queued.TrySetResult();
            }
        }

        batcher.Queued += Check;
        try
        {
            Check();
            await queued.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            batcher.Queued -= Check;
        }
    }

    /// <summary>A bulk run of one statement that must change <paramref name="expectedRows"/> rows, sent with the commit when allowed.</summary>
    private sealed class RenamingBulk(Func<int, SqlSession.Statement> statement, int expectedRows) : BulkWork<string, string>
    {
        public bool Committed { get; private set; }

        public override IReadOnlyList<string?> Run(SqlSession session, IReadOnlyList<string> requests)
        {
            session.Batch([statement(expectedRows)], commit: true);
            Committed = session.Committed;
            return [.. requests.Select(_ => "bulk")];
        }
    }
}
