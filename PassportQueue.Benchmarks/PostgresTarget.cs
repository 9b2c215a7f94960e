using System.Diagnostics;
using Npgsql;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Benchmarks;

/// <summary>A fresh PostgreSQL database for one run, and the server's raw durable commit rate.</summary>
internal static class PostgresTarget
{
    /// <summary>The server the load tool uses unless <c>--postgres</c> names another: the one <c>.ci/run</c> and the README set up.</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=passportqueue;Password=passportqueue-test;Database=postgres";

    /// <summary>Creates an empty database for the run and returns its connection string.</summary>
    public static string CreateDatabase(string server)
    {
        var name = "pq_load_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The storage ceiling: one small insert per commit, one after another, with the server's durable commit (synchronous_commit on).</summary>
    public static async Task<double> RawCommitsPerSecondAsync(string database, int commits)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "CREATE TABLE raw_commits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL); SET synchronous_commit = on;";
            await setup.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO raw_commits (v) VALUES (@v)";
        insert.Parameters.AddWithValue("v", "BGR-7K3M9QX2");
        await insert.PrepareAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            // Each statement outside a transaction block is its own transaction: one WAL flush each.
            await insert.ExecuteNonQueryAsync();
        }

        return commits / clock.Elapsed.TotalSeconds;
    }
}
