using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Data;

public sealed class WriteBatcherTests
{
    private const string Insert = """INSERT INTO "PhoneDependants" ("Number", "PersonKey") VALUES (@n, @k)""";

    [Fact]
    public async Task AFailingUnitLeavesNoTraceAndTheOthersCommit()
    {
        await using var h = await EngineHarness.StartAsync();
        var batcher = h.Get<WriteBatcher>();
        // The dependants' number must exist first (foreign key).
        await h.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse("+6281234500001"), FlagReason.Officer, null, Actor.System, default);

        // Hold the loop inside a batch of its own, queue the three units behind it, then let go: they are taken together.
        using var held = await HeldLoop.HoldAsync(batcher);
        var transactions = new System.Collections.Concurrent.ConcurrentBag<System.Data.Common.DbTransaction?>();
        var first = batcher.RunAsync(s =>
        {
            transactions.Add(s.Transaction);
            return s.Execute(Insert, ("@n", "+6281234500001"), ("@k", "A|2000-01-01"));
        });
        var failing = batcher.RunAsync<int>(s =>
        {
            transactions.Add(s.Transaction);
            s.Execute(Insert, ("@n", "+6281234500001"), ("@k", "B|2000-01-01"));
            throw new InvalidOperationException("boom");
        });
        var last = batcher.RunAsync(s =>
        {
            transactions.Add(s.Transaction);
            return s.Execute(Insert, ("@n", "+6281234500001"), ("@k", "C|2000-01-01"));
        });
        await held.ReleaseAsync();

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(1, await last);
        var keys = await h.QueryAsync(db => db.PhoneDependants.OrderBy(d => d.PersonKey).Select(d => d.PersonKey).ToListAsync());
        Assert.Equal(["A|2000-01-01", "C|2000-01-01"], keys);
        Assert.Equal(3, transactions.Count);
        Assert.Single(transactions.Distinct());
    }

    [Fact]
    public async Task AnswersOnlyAfterTheWriteIsCommittedToTheFile()
    {
        await using var h = await EngineHarness.StartAsync();

        await h.Get<WriteBatcher>().RunAsync(s => s.Execute(
            """INSERT INTO "Phones" ("Number", "Dependants", "NoShows", "Standing", "FirstSeenUtc") VALUES ('+6281234500009', 0, 0, 0, '2026-12-01 02:00:00')"""));

        // A fresh connection of its own sees the row: it is committed, not only in the writer's transaction.
        await using var other = new SqliteConnection($"Data Source={h.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var count = other.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "Phones" WHERE "Number" = '+6281234500009'""";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task WritesWithFullSynchronousCommitsInWalMode()
    {
        await using var h = await EngineHarness.StartAsync();

        var (synchronous, journal) = await h.Get<WriteBatcher>().RunAsync(s => (s.Scalar<long>("PRAGMA synchronous"), s.Scalar<string>("PRAGMA journal_mode")));

        Assert.Equal((2L, "wal"), (synchronous, journal));
    }

    [Fact]
    public async Task ABulkRunAnswersWhatItCanAndTheRestRunAlone()
    {
        await using var h = await EngineHarness.StartAsync();
        var batcher = h.Get<WriteBatcher>();
        await h.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse("+6281234500001"), FlagReason.Officer, null, Actor.System, default);
        var bulk = new FakeBulk(s => s.Execute(Insert, ("@n", "+6281234500001"), ("@k", "ZBULK|2000-01-01")), answer: key => key != "B");

        var outcomes = await Together(batcher, bulk, ["A", "B", "C"]);

        Assert.Equal(["bulk A", "alone B", "bulk C"], outcomes);
        Assert.Equal(2, batcher.AnsweredInBulk);
        var keys = await h.QueryAsync(db => db.PhoneDependants.OrderBy(d => d.PersonKey).Select(d => d.PersonKey).ToListAsync());
        Assert.Equal(["B|2000-01-01", "ZBULK|2000-01-01"], keys);
    }

    [Fact]
    public async Task ABulkRunThatFailsLeavesNoTraceAndEveryRequestRunsAlone()
    {
        await using var h = await EngineHarness.StartAsync();
        var batcher = h.Get<WriteBatcher>();
        await h.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse("+6281234500001"), FlagReason.Officer, null, Actor.System, default);
        var bulk = new FakeBulk(
            s =>
            {
                s.Execute(Insert, ("@n", "+6281234500001"), ("@k", "ZBULK|2000-01-01"));
                throw new InvalidOperationException("A statement changed fewer rows than decided.");
            },
            answer: _ => true);

        var outcomes = await Together(batcher, bulk, ["A", "B"]);

        Assert.Equal(["alone A", "alone B"], outcomes);
        Assert.Equal(0, batcher.AnsweredInBulk);
        var keys = await h.QueryAsync(db => db.PhoneDependants.OrderBy(d => d.PersonKey).Select(d => d.PersonKey).ToListAsync());
        Assert.Equal(["A|2000-01-01", "B|2000-01-01"], keys);
    }

    /// <summary>Queues the requests behind a unit that holds the loop, so that they are taken in one batch.</summary>
    private static async Task<string[]> Together(WriteBatcher batcher, FakeBulk bulk, string[] keys)
    {
        using var held = await HeldLoop.HoldAsync(batcher);
        var pending = keys.Select(key => batcher.RunAsync(
            bulk,
            key,
            s =>
            {
                s.Execute(Insert, ("@n", "+6281234500001"), ("@k", key + "|2000-01-01"));
                return "alone " + key;
            },
            lane: 0)).ToList();
        await held.ReleaseAsync();
        return await Task.WhenAll(pending);
    }

    /// <summary>Writes with <paramref name="write"/> once per bulk run, and answers the requests <paramref name="answer"/> picks.</summary>
    private sealed class FakeBulk(Action<SqlSession> write, Func<string, bool> answer) : BulkWork<string, string>
    {
        public override IReadOnlyList<string?> Run(SqlSession session, IReadOnlyList<string> requests)
        {
            write(session);
            return [.. requests.Select(key => answer(key) ? "bulk " + key : null)];
        }
    }
}
