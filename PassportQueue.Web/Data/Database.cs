using System.Data.Common;
using Microsoft.Data.Sqlite;

using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>Opens connections to the product's database with the settings durability needs.</summary>
public sealed class Database(string connectionString)
{
    /// <summary>
    /// Per-connection settings: a commit is on disk (WAL, synchronous=FULL) before it returns,
    /// and a writer waits for another process's write lock instead of failing.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// The one writer connection of a process keeps a larger page cache (64 MiB); readers keep
    /// SQLite's default, so that many pooled readers do not multiply it.
    /// </summary>
    public const string WriterPragmas = "PRAGMA cache_size = -65536;";

    /// <summary>The connection string in use.</summary>
    public string ConnectionString => connectionString;

    /// <summary>Opens a connection ready for reads or writes.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
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
        await using var command = connection.CreateCommand();
        command.CommandText = WriterPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a read on a connection of its own and closes it.</summary>
    public async Task<T> ReadAsync<T>(Func<SqlSession, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var session = new SqlSession(connection);
        return read(session);
    }
}
