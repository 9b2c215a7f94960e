using Npgsql;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests;

/// <summary>
/// Fresh databases on a real PostgreSQL server for the tests that run on both providers. The
/// server is found through <c>PASSPORTQUEUE_TEST_POSTGRES</c> (a connection string to a user who may
/// create databases; by default the one <c>.ci/run</c> makes on 127.0.0.1). Without a server the
/// PostgreSQL tests are skipped with the reason, unless <c>PASSPORTQUEUE_REQUIRE_POSTGRES=1</c>
/// (set by <c>.ci/run</c>), when they fail instead.
/// </summary>
internal static class TestPostgres
{
    public const string ServerVariable = "PASSPORTQUEUE_TEST_POSTGRES";
    public const string RequireVariable = "PASSPORTQUEUE_REQUIRE_POSTGRES";

    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=passportqueue;Password=passportqueue-test;Database=postgres;Timeout=5";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>Creates an empty database and returns a connection string to it; skips the test when there is no server.</summary>
    public static string CreateDatabase()
    {
        if (Unavailable.Value is { } reason)
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException($"PostgreSQL is required ({RequireVariable}=1) but unavailable: {reason}");
            }

            Skip.If(true, $"No PostgreSQL server: {reason}. Start one (see README, 'Tests') or set {ServerVariable}; .ci/run starts one and requires these tests.");
        }

        var name = "pq_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        // Small pools: many test databases share one server's connection limit.
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 20, Timeout = 30 }.ConnectionString;
    }

    /// <summary>Runs a statement as the test server's user (on its maintenance database).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a test database once its nodes are gone; tidying up, so a failure to drop fails no test.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(Server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
            // Left for the server's owner; names are unique, so it disturbs no other test.
        }
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(Server);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            return ex.Message;
        }
    }
}
