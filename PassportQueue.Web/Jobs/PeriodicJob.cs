namespace PassportQueue.Web.Jobs;

/// <summary>
/// A background job that runs every <see cref="Interval"/>. A failed run is logged and the job
/// runs again at the next tick; stopping the app stops it. Disabled with <c>Jobs:Enabled=false</c>
/// (the tests drive the jobs' work directly).
/// </summary>
public abstract partial class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the job runs by.</summary>
    protected TimeProvider Clock => time;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A job survives its own failure and tries again at the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, GetType().Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {Job} failed; it runs again at its next tick")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
