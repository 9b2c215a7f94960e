using System.Diagnostics;
using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Rings;

/// <summary>
/// Looks for ring signals every <c>Rings:ScanEverySeconds</c> (60 by default) at every office
/// (<see cref="Rings.RingDetector"/>). Off with <c>Rings:Enabled=false</c>. A scan reads the whole window,
/// so it costs more as an office gets busier: after a scan that took <c>t</c>, the next waits at least
/// <c>t × (1 / Rings:MaxBusyShare − 1)</c> (a tenth of the time by default), so that scanning never takes
/// more than that share of a node however big the window is. Several nodes may scan at once: a signal is one
/// row by its key, and edges are added once.
/// </summary>
public sealed class RingJob(Rings.RingDetector detector, IConfiguration configuration, TimeProvider time, ILogger<RingJob> logger) : PeriodicJob(time, logger)
{
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Rings:ScanEverySeconds", 60)));

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (Clock.GetUtcNow() < _next)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await detector.ScanAsync(ct);
        var share = Math.Clamp(configuration.GetValue("Rings:MaxBusyShare", 0.1), 0.01, 1);
        _next = Clock.GetUtcNow() + (Stopwatch.GetElapsedTime(started) * ((1 / share) - 1));
    }
}
