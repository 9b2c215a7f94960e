using System.Data.Common;
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

        await RefoldIdentityKeysAsync(db, cancellationToken);
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

    /// <summary>
    /// Identity keys stored before <see cref="Core.Messages.NameFolding"/> folded diacritics (<c>JOSÉ</c>)
    /// are folded the same way (<c>JOSE</c>), so that the stored person and the one who writes again
    /// match. Only keys with a character outside ASCII can differ; after one run there are none, so
    /// later starts find nothing. A key whose folded form is already taken by an active booking or an
    /// owner (the same person held twice) is left as it was and logged for a supervisor.
    /// Pseudonymised keys (<c>~…</c>) are hashes and stay.
    /// </summary>
    private async Task RefoldIdentityKeysAsync(PassportQueueDbContext db, CancellationToken ct)
    {
        var nonAscii = database.Provider == DatabaseProvider.Postgres ? "~ '[^ -~]'" : "GLOB '*[^ -~]*'";
        foreach (var (table, column) in new[] { ("Bookings", "PersonKey"), ("Phones", "OwnerPersonKey"), ("PhoneDependants", "PersonKey"), ("BallotEntries", "PersonKey") })
        {
            // Table and column names come from the fixed list above, never from input.
            var select = $"""SELECT DISTINCT "{column}" AS "Value" FROM "{table}" WHERE "{column}" {nonAscii} AND "{column}" NOT LIKE '~%'""";
            var update = $$"""UPDATE "{{table}}" SET "{{column}}" = {0} WHERE "{{column}}" = {1}""";
            var keys = await db.Database.SqlQueryRaw<string>(select).ToListAsync(ct);
            foreach (var key in keys)
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync(update, [Core.Bookings.PersonKey.Refold(key), key], ct);
                }
                catch (DbException)
                {
                    LogKeyNotRefolded(logger, table);
                }
            }
        }
    }

    /// <summary>Offices as configuration gives them, keyed by code (<c>Offices:BGR:DailyQuota</c>).</summary>
    public static IReadOnlyList<OfficeSettings> ConfiguredOffices(IConfiguration configuration) =>
        [.. configuration.GetSection("Offices").GetChildren()
            .Select(section => (section.Get<OfficeSettings>() ?? new OfficeSettings()) with { Code = section.Key.ToUpperInvariant() })];

    [LoggerMessage(Level = LogLevel.Warning, Message = "An identity key in {Table} was not folded: its folded form is held by another row of the same person; review it")]
    private static partial void LogKeyNotRefolded(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Office {Code} added from configuration")]
    private static partial void LogOfficeAdded(ILogger logger, string code);
}
