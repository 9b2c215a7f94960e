using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PassportQueue.Web.Data;
namespace PassportQueue.Web.Operations;

/// <summary>Every migration this build knows is applied: a node of a newer build on an older schema is not ready.</summary>
public sealed class MigrationsAppliedCheck(IDbContextFactory<PassportQueueDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied");
        }
#pragma warning disable CA1031 // An unreachable database is reported by this check too.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("the migrations could not be read", ex);
        }
    }
}
