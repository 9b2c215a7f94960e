using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Faults;

/// <summary>Tests that stop the machine's PostgreSQL server: they run alone, after every other test class.</summary>
[CollectionDefinition(nameof(ServerRestarts), DisableParallelization = true)]
public sealed class ServerRestarts;

/// <summary>
/// PostgreSQL stopped in the middle of a burst and started again: while it is down the webhook
/// answers 503 and stores nothing; when it is back the app recovers by itself and every booking
/// acknowledged before or after is stored, a retried delivery booking once.
/// </summary>
[Collection(nameof(ServerRestarts))]
public sealed class PostgresRestartTests
{
    [SkippableFact]
    public async Task AnswersUnavailableWhileTheServerIsDownAndRecoversByItself()
    {
        var cluster = LocalCluster();
        Skip.If(cluster is null && Environment.GetEnvironmentVariable("CI") != "true", "The test server is not this machine's own PostgreSQL cluster, or this user may not stop it (pg_ctlcluster as root).");
        Assert.True(cluster is not null, "CI runs as root beside its own PostgreSQL cluster and must be able to restart it.");
        await using var app = new AppFactory(provider: DatabaseProvider.Postgres);
        var before = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await app.SendAsync(Builders.Sender(i), $"#PEMOHON {Builders.Letters(i)}#01011990#02122026", sid: $"SM-before-{i}"));
        }

        Cluster("stop", cluster!);
        HttpResponseMessage down;
        try
        {
            down = await app.PostAsync(AppFactory.Message(Builders.Sender(100), "#PEMOHON SAAT MATI#01011990#02122026", sid: "SM-during"));
        }
        finally
        {
            Cluster("start", cluster!);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("30", down.Headers.RetryAfter?.ToString());
        Assert.DoesNotContain("Exception", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Twilio delivers the refused message again; the app reconnects by itself.
        var retried = await SendUntilAnsweredAsync(app, "SM-during");
        var after = await app.SendAsync(Builders.Sender(101), "#PEMOHON SESUDAH#01011990#02122026", sid: "SM-after");

        Assert.All(before.Append(retried).Append(after), reply => Assert.Contains("BERHASIL", reply, StringComparison.Ordinal));
        Assert.Equal(22, await app.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(22, await app.QueryAsync(db => db.Messages.CountAsync()));
        Assert.Equal(22, await app.QueryAsync(db => db.DayCounters.SumAsync(d => d.OpenTaken + d.PriorityTaken)));
    }

    /// <summary>The first deliveries after a restart may still meet connections the server closed; each is answered 503 and changes nothing.</summary>
    private static async Task<string> SendUntilAnsweredAsync(AppFactory app, string sid)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var response = await app.PostAsync(AppFactory.Message(Builders.Sender(100), "#PEMOHON SAAT MATI#01011990#02122026", sid: sid));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync();
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        throw new InvalidOperationException("The app did not recover from the restart.");
    }

    /// <summary>"15 main" when the test server is this machine's cluster on 127.0.0.1, else null.</summary>
    private static string? LocalCluster()
    {
        var server = Environment.GetEnvironmentVariable(TestPostgres.ServerVariable) is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=5432";
        var builder = new NpgsqlConnectionStringBuilder(server);
        // Stopping the cluster needs root (CI runs as root); elsewhere the test is skipped with the reason.
        if (builder.Host is not ("127.0.0.1" or "localhost") || !File.Exists("/usr/bin/pg_lsclusters") || Environment.UserName != "root")
        {
            return null;
        }

        var clusters = Run("pg_lsclusters", "-h");
        return clusters.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 2 && f[2] == builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => $"{f[0]} {f[1]}").FirstOrDefault();
    }

    private static void Cluster(string action, string cluster) => Run("pg_ctlcluster", $"{cluster} {action}");

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
