using System.Globalization;
using Microsoft.Data.Sqlite;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Operations;

/// <summary>
/// Consistent copies of the SQLite database while the app serves: <c>VACUUM INTO</c> writes one
/// file from one read transaction, so it holds exactly what was committed when it began, and
/// writers go on meanwhile (WAL). PostgreSQL is backed up with its own tools (README).
/// </summary>
public sealed partial class DatabaseBackup(Database database, IConfiguration configuration, TimeProvider time, ILogger<DatabaseBackup> logger)
{
    /// <summary>Whether this provider is backed up by the app (SQLite) or by the server's tools (PostgreSQL).</summary>
    public bool Supported => database.Provider == DatabaseProvider.Sqlite;

    /// <summary>Writes a copy to <paramref name="file"/>, which must not exist yet.</summary>
    public async Task ToFileAsync(string file, CancellationToken ct)
    {
        if (!Supported)
        {
            throw new InvalidOperationException("PostgreSQL is backed up with pg_dump or point-in-time recovery (README, 'Backups').");
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists already; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @target";
        command.Parameters.Add(new SqliteParameter("@target", target));
        await command.ExecuteNonQueryAsync(ct);
        LogBackedUp(logger, target);
    }

    /// <summary>
    /// The scheduled backup: a copy named by the time into <c>Backup:Folder</c>, and only the newest
    /// <c>Backup:Keep</c> (default 7) copies kept there. Returns the new file.
    /// </summary>
    public async Task<string> ScheduledAsync(CancellationToken ct)
    {
        var folder = Path.GetFullPath(configuration["Backup:Folder"] ?? throw new InvalidOperationException("Backup:Folder is not set."));
        var file = Path.Combine(folder, $"passportqueue-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db");
        await ToFileAsync(file, ct);
        foreach (var old in Directory.GetFiles(folder, "passportqueue-*.db").Order(StringComparer.Ordinal).SkipLast(Math.Max(1, configuration.GetValue("Backup:Keep", 7))))
        {
            File.Delete(old);
        }

        return file;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database backed up to {File}")]
    private static partial void LogBackedUp(ILogger logger, string file);
}
