using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Channel;

/// <summary>Sends the outbox every few seconds, until nothing is due.</summary>
public sealed class OutboxJob(OutboxSender sender, TimeProvider time, ILogger<OutboxJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(3);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        while (await sender.SendDueAsync(ct) > 0)
        {
        }
    }
}
