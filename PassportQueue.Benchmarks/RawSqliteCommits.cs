using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PassportQueue.Benchmarks;

/// <summary>The storage ceiling: one small insert per durable commit, as fast as SQLite goes on this disk.</summary>
internal static class RawSqliteCommits
{
    public static async Task<(int Count, double PerSecond)> MeasureAsync(string folder, int commits)
    {
        var path = Path.Combine(folder, "raw.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var value = insert.Parameters.Add("$v", SqliteType.Text);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = (SqliteTransaction)transaction;
            value.Value = "BGR-7K3M9QX2";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return (commits, commits / clock.Elapsed.TotalSeconds);
    }
}
