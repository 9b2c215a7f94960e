namespace PassportQueue.Web.Jobs;

/// <summary>
/// Looks for ring signals every <c>Rings:ScanEverySeconds</c> (60 by default) at every office
/// (<see cref="Rings.RingDetector"/>). Off with <c>Rings:Enabled=false</c>. Several nodes may scan at once:
/// a signal is one row by its key, and edges are added once.
/// </summary>
public sealed class RingJob(Rings.RingDetector detector, IConfiguration configuration, TimeProvider time, ILogger<RingJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Rings:ScanEverySeconds", 60)));

    protected override Task RunOnceAsync(CancellationToken ct) => detector.ScanAsync(ct);
}
