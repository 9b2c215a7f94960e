using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>
/// Brings the database up to date at start: migrations, WAL journaling (SQLite), and offices from
/// configuration that the database lacks. Offices already stored are never overwritten: after the
/// first start the database rules. Callers hold <see cref="Database.StartupLockAsync"/> so that
/// one node at a time does this (EF Core's own migration lock guards the migrations too).
/// </summary>
public sealed partial class DatabaseSetup(
    IDbContextFactory<PassportQueueDbContext> contexts, Database database, IConfiguration configuration, TimeProvider time, ILogger<DatabaseSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        foreach (var settings in ConfiguredOffices(configuration))
        {
            if (settings.Validate() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"Office {settings.Code} in configuration is invalid: {string.Join(", ", problems)}");
            }

            if (!await db.Offices.AnyAsync(o => o.Code == settings.Code, cancellationToken))
            {
                db.Offices.Add(new Office(settings, time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
                LogOfficeAdded(logger, settings.Code);
            }
        }
    }

    /// <summary>Offices as configuration gives them, keyed by code (<c>Offices:BGR:DailyQuota</c>).</summary>
    public static IReadOnlyList<OfficeSettings> ConfiguredOffices(IConfiguration configuration) =>
        [.. configuration.GetSection("Offices").GetChildren()
            .Select(section => (section.Get<OfficeSettings>() ?? new OfficeSettings()) with { Code = section.Key.ToUpperInvariant() })];

    [LoggerMessage(Level = LogLevel.Information, Message = "Office {Code} added from configuration")]
    private static partial void LogOfficeAdded(ILogger logger, string code);
}
