using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PassportQueue.Web.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (no check). <c>/health/ready</c>: the database takes
/// writes, the migrations are applied, the outbox is moving; 503 when not ready. Both answer with
/// each check's status and nothing personal. <c>/healthz</c> stays for existing probes, as live.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPassportQueueHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseWritableCheck>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [Ready])
            .AddCheck<OutboxCheck>("outbox", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPassportQueueHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = e.Value.Description }),
        }));
    }
}
