using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Operations;

/// <summary>
/// Messages to applicants are going out: none has waited past its due time by more than
/// <c>Health:OutboxStuckMinutes</c> (default 15). A stuck outbox is reported as degraded, not as
/// unready: the node still books, and taking it out of the load balancer would not send anything.
/// </summary>
public sealed class OutboxCheck(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddMinutes(-configuration.GetValue("Health:OutboxStuckMinutes", 15));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stuck = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.DueAtUtc < cutoff, cancellationToken);
        return stuck == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded($"{stuck} messages overdue");
    }
}
