using System.Net;

namespace PassportQueue.Tests.Web.Telemetry;

public sealed class MetricsTests
{
    [Fact]
    public async Task CountsABookingByOfficeAndOutcomeForPrometheus()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Metrics:HttpServer"] = "true" });
        using var client = app.CreateClient();

        var reply = await app.SendAsync("+6281234500001", "#Budi Santoso#25011987#02122026");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("BERHASIL", reply, StringComparison.Ordinal);
        var booked = metrics.Split('\n').Where(l => l.StartsWith("pq_messages_total{", StringComparison.Ordinal) && l.Contains("outcome=\"booked\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(booked, l => l.Contains("office=\"BGR\"", StringComparison.Ordinal));
        Assert.Contains("pq_write_batch_size", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("6281234500001", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("BUDI", metrics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LeavesAspNetCoresRequestMetricsOutUnlessAskedFor()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();
        await app.SendAsync("+6281234500001", "#Budi Santoso#25011987#02122026");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("pq_messages_total", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersOnlyOnItsOwnPortWhenOneIsConfigured()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Metrics:Port"] = "9464" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        using var onItsPort = new HttpRequestMessage(HttpMethod.Get, "http://localhost:9464/metrics");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(onItsPort)).StatusCode);
    }

    [Fact]
    public async Task CanBeTurnedOff()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }
}
