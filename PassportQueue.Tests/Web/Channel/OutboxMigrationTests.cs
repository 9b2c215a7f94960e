using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>
/// The outbox's columns were renamed for any provider (Twilio's SID to the provider's message id, the Content SID to the
/// template): a row stored before the migration keeps every value after it, on both providers, and after the way back.
/// </summary>
public abstract class OutboxMigrationTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task ARowStoredBeforeTheRenameKeepsItsValues()
    {
        await using var h = await EngineHarness.StartAsync(provider, Builders.Settings());
        await h.BookAsync(Builders.Sender(1), "#ANI LESTARI#25011987#14122026");
        var before = provider == DatabaseProvider.Postgres ? "20261201182708_PostgresChatButtons" : "20261201182627_ChatButtons";
        await MigrateAsync(h, before);
        await h.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank",
                "TwilioSid", "ContentSid", "ContentVariables")
            SELECT 0, "Id", "OfficeId", "Phone", "CreatedAtUtc", "CreatedAtUtc", 1, 1, 0, 'SM0123', 'HX0123', '{{"1":"x"}}' FROM "Bookings"
            """));

        await MigrateAsync(h, null);

        var row = await h.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(("SM0123", "HX0123", """{"1":"x"}"""), (row.ProviderMessageId, row.Template, row.TemplateVariables));
        // The unique index moved with its column: a delivery status still finds the message by its id.
        Assert.Equal(1, await h.QueryAsync(db => db.Outbox.CountAsync(o => o.ProviderMessageId == "SM0123")));
    }

    private static Task<bool> MigrateAsync(EngineHarness h, string? target) =>
        h.QueryAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(target);
            return true;
        });

    public sealed class OnSqlite() : OutboxMigrationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OutboxMigrationTests(DatabaseProvider.Postgres);
}
