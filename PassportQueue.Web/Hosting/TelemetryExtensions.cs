using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Hosting;

/// <summary>
/// OpenTelemetry: the service's meter with ASP.NET Core's and the runtime's, scraped by Prometheus at
/// <c>/metrics</c> (from this machine only, or only on <c>Metrics:Port</c> when set); traces of
/// incoming messages exported over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// <c>Metrics:Enabled=false</c> turns it all off.
/// </summary>
public static class TelemetryExtensions
{
    public static IServiceCollection AddPassportQueueTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Metrics:Enabled", true))
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(PassportQueueMetrics.Name).AddRuntimeInstrumentation().AddPrometheusExporter();
            // ASP.NET Core's standard request metrics (http.server.request.duration, active requests), by choice:
            // in the load test they cost the webhook 13 % of its throughput and halved the requests a node serves
            // (docs/PERFORMANCE.md), so Metrics:HttpServer=true turns them on; the service's own meter times the
            // webhook already.
            if (configuration.GetValue("Metrics:HttpServer", false))
            {
                metrics.AddMeter("Microsoft.AspNetCore.Hosting");
            }
        });
        if (configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(PassportQueueMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        services.AddHostedService<BacklogGauge>();
        return services;
    }

    public static IEndpointRouteBuilder MapPassportQueueMetrics(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Metrics:Enabled", true))
        {
            return app;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (configuration.GetValue<int?>("Metrics:Port") is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }
        else
        {
            endpoint.AddEndpointFilter(async (context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address)
                    ? await next(context)
                    : TypedResults.NotFound());
        }

        return app;
    }

    /// <summary>Registers the outbox backlog gauge once the services exist.</summary>
    private sealed class BacklogGauge(IDbContextFactory<PassportQueueDbContext> contexts) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            PassportQueueMetrics.Backlog(() =>
            {
                try
                {
                    using var db = contexts.CreateDbContext();
                    return db.Outbox.LongCount(o => o.Status == OutboxStatus.Pending);
                }
#pragma warning disable CA1031 // A scrape during an outage reports no backlog rather than failing.
                catch (Exception)
#pragma warning restore CA1031
                {
                    return null;
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
