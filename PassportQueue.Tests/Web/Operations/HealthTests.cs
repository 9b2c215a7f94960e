using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Operations;

namespace PassportQueue.Tests.Web.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task AnswersLiveAndReadyWithEveryCheckHealthy()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(["database", "migrations", "outbox"], report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }

    [Fact]
    public async Task ReportsAnOverdueOutboxAsDegradedButStaysReady()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();
        _ = await client.GetAsync("/health/live");
        await app.QueryAsync(async db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                Kind = OutboxKind.Reminder, BookingId = 1, OfficeId = 1, Phone = "+6281234500001", Status = OutboxStatus.Pending,
                CreatedAtUtc = Builders.Now.UtcDateTime.AddHours(-1), DueAtUtc = Builders.Now.UtcDateTime.AddMinutes(-16),
            });
            return await db.SaveChangesAsync();
        });

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", report.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReadOnlySqliteFileIsNotWritable()
    {
        await using var app = new AppFactory();
        var file = new SqliteConnectionStringBuilder(app.Get<Database>().ConnectionString).DataSource;

        var result = await new DatabaseWritableCheck(new Database($"Data Source={file};Mode=ReadOnly")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(HealthStatus.Healthy, (await new DatabaseWritableCheck(app.Get<Database>()).CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [SkippableFact]
    public async Task IsNotReadyWhenThePostgresDatabaseTurnsReadOnly()
    {
        await using var app = new AppFactory(provider: DatabaseProvider.Postgres);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var name = new NpgsqlConnectionStringBuilder(app.PostgresDatabase).Database;

        TestPostgres.Execute($"ALTER DATABASE {name} SET default_transaction_read_only = on");
        // Sessions opened before keep their settings: end them, so the app's next connections are read-only ones.
        TestPostgres.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        _ = await client.GetAsync("/health/ready");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
