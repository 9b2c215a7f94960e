using Microsoft.Extensions.Diagnostics.HealthChecks;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Operations;

/// <summary>
/// The database answers and takes writes: one office row is written with the value it has, in a
/// transaction that is then rolled back, so nothing changes. A read-only file, a read-only server
/// or a server that is down makes the node not ready.
/// </summary>
public sealed class DatabaseWritableCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """UPDATE "Offices" SET "UpdatedAtUtc" = "UpdatedAtUtc" WHERE "Id" = (SELECT MIN("Id") FROM "Offices")""";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to write is the answer, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("the database does not take writes", ex);
        }
    }
}
