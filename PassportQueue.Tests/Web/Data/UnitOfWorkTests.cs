using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Data;

/// <summary>
/// Units of work sharing one transaction in the write batcher, on both providers: a unit that
/// fails is undone alone, whether it failed on the server or before its first statement left.
/// </summary>
public abstract class UnitOfWorkTests(DatabaseProvider provider)
{
    private const string InsertPhone = """
        INSERT INTO "Phones" ("Number", "Dependants", "NoShows", "Standing", "FirstSeenUtc") VALUES (@p, 0, 0, 0, @now)
        """;

    [SkippableFact]
    public async Task AUnitThatFailsBeforeItsStatementReachesTheDatabaseNeverUndoesTheUnitBeforeIt()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var (kept, failed) = await TwoUnitsInOneBatchAsync(
            h.Get<WriteBatcher>(),
            s => s.Execute(InsertPhone, ("@p", "+6281100000001"), ("@now", DateTime.UtcNow)),
            // A value no provider can send: the statement fails while it is being bound, before it is sent.
            s => s.Execute(InsertPhone, ("@p", new object()), ("@now", DateTime.UtcNow)));

        await Assert.ThrowsAnyAsync<Exception>(() => failed);
        var keptReported = await kept.ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        var stored = await h.QueryAsync(db => db.Phones.Select(p => p.Number).ToListAsync());
        // What the first unit's caller was told is what the database holds: never "done" and then undone.
        Assert.Equal(keptReported ? ["+6281100000001"] : [], stored);
        // SQLite undoes the failed unit alone. Npgsql gives up a connection whose message it could not
        // finish, so there the whole transaction fails and every caller of the batch is told so.
        Assert.Equal(provider == DatabaseProvider.Sqlite, keptReported);
    }

    [SkippableFact]
    public async Task AUnitThatFailsOnTheDatabaseIsUndoneAloneWithWhatItWroteBefore()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var (kept, failed) = await TwoUnitsInOneBatchAsync(
            h.Get<WriteBatcher>(),
            s => s.Execute(InsertPhone, ("@p", "+6281100000001"), ("@now", DateTime.UtcNow)),
            s =>
            {
                s.Execute(InsertPhone, ("@p", "+6281100000002"), ("@now", DateTime.UtcNow));
                // The same number again: the primary key refuses it.
                return s.Execute(InsertPhone, ("@p", "+6281100000001"), ("@now", DateTime.UtcNow));
            });

        Assert.Equal(1, await kept);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => failed);
        Assert.Equal(["+6281100000001"], await h.QueryAsync(db => db.Phones.Select(p => p.Number).ToListAsync()));
    }

    /// <summary>Queues two units so that they run in the same transaction, one after the other.</summary>
    private static async Task<(Task<int> First, Task<int> Second)> TwoUnitsInOneBatchAsync(
        WriteBatcher writes, Func<SqlSession, int> first, Func<SqlSession, int> second)
    {
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // A unit that holds the write loop until both units wait in its queue; they then go together.
        var holder = writes.RunAsync(_ =>
        {
            running.Set();
            release.Wait();
            return 0;
        });
        running.Wait();
        var one = writes.RunAsync(first);
        var two = writes.RunAsync(second);
        release.Set();
        await holder;
        return (one, two);
    }

    public sealed class OnSqlite() : UnitOfWorkTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : UnitOfWorkTests(DatabaseProvider.Postgres);
}
