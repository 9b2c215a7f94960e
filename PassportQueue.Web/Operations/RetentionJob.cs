using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Operations;

/// <summary>Hourly: pseudonymises the personal data whose retention has passed.</summary>
public sealed class RetentionJob(Pseudonymiser pseudonymiser, TimeProvider time, ILogger<RetentionJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(CancellationToken ct) => pseudonymiser.RunAsync(ct);
}
