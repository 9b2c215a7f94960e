using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Opens connections to the product's database, SQLite or PostgreSQL, with the settings
/// durability needs, and tells which errors of that database mean "try again".
/// </summary>
public sealed class Database : IAsyncDisposable
{
    /// <summary>
    /// Per-connection SQLite settings: a commit is on disk (WAL, synchronous=FULL) before it
    /// returns, and a writer waits for another process's write lock instead of failing.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// The one SQLite writer connection of a process keeps a larger page cache (64 MiB); readers
    /// keep SQLite's default, so that many pooled readers do not multiply it.
    /// </summary>
    public const string WriterPragmas = "PRAGMA cache_size = -65536;";

    /// <summary>"PQSTART" as a number: the advisory lock key of start-up work.</summary>
    private const long StartupLockKey = 0x5051_5354_4152_54;

    private readonly NpgsqlDataSource? _postgres;

    public Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
    }

    /// <summary>
    /// Most units of work with a savepoint of their own the write batcher puts in one transaction
    /// (requests of a bulk run share one). On PostgreSQL a transaction with more than 64
    /// subtransactions overflows the server's per-session cache, and from then on every snapshot of
    /// every session looks them up on disk, which slows the whole server. So PostgreSQL batches stay
    /// well below that (a refused unit may use two).
    /// </summary>
    public int MaxUnitsPerTransaction => _postgres is null ? WriteBatcher.MaxBatch : 24;

    /// <summary>A SQLite database (the default provider).</summary>
    public Database(string connectionString)
        : this(DatabaseProvider.Sqlite, connectionString)
    {
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Whether the write batcher may run a batch's requests of one kind together (PostgreSQL's
    /// bookings: <c>Database:BulkWrites</c>, on unless set false; off only to measure the difference).
    /// </summary>
    public bool BulkWrites { get; init; } = true;

    /// <summary>Writer loops a PostgreSQL node runs unless <c>Database:Writers</c> says otherwise.</summary>
    public const int DefaultPostgresWriters = 2;

    private readonly int _writers = 1;

    /// <summary>
    /// Writer loops of this process, each with its connection and transactions (PostgreSQL:
    /// <c>Database:Writers</c>). SQLite has one: the file has one writer at a time.
    /// </summary>
    public int Writers
    {
        get => _postgres is null ? 1 : _writers;
        init => _writers = Math.Clamp(value, 1, 16);
    }

    /// <summary>The connection string in use.</summary>
    public string ConnectionString { get; }

    /// <summary>PostgreSQL's pooled data source; null on SQLite.</summary>
    public NpgsqlDataSource? PostgresSource => _postgres;

    /// <summary>Opens a connection ready for reads or writes.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Opens the connection the write batcher keeps.</summary>
    public async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_postgres is null)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = WriterPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>Runs a read on a connection of its own and closes it.</summary>
    public async Task<T> ReadAsync<T>(Func<SqlSession, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var session = new SqlSession(connection);
        return read(session);
    }

    /// <summary>
    /// A unique key another transaction committed while this one ran (PostgreSQL under read
    /// committed). Running the unit again sees that row and decides again. SQLite serialises
    /// writers, so a unit there always sees every earlier commit.
    /// </summary>
    public static bool IsConcurrentDuplicate(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// The database cannot be reached or cannot take writes just now (a server restarting or down, a
    /// connection lost, a full or locked file): the request is answered 503 and may be tried again.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal)
                    || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InvalidCatalogName:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: 5 or 8 or 10 or 13 or 14 }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The server gave up the whole transaction (a deadlock between nodes); it may be run again.</summary>
    public static bool IsTransactionRetryable(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>
    /// Holds a lock that one process at a time can hold, for work that must run once at start
    /// (migrations, seeding). PostgreSQL: a session advisory lock. SQLite: nothing here; EF Core's
    /// migration lock and the seeds' conflict clauses suffice on one file.
    /// </summary>
    public async Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken)
    {
        if (_postgres is null)
        {
            return NoLock.Instance;
        }

        var connection = await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT pg_advisory_lock({StartupLockKey})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new AdvisoryLock(connection);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Closing the session releases a session advisory lock, also when the process dies.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_unlock({StartupLockKey})";
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
