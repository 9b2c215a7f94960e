using PassportQueue.Core.Audit;
using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// Every 30 seconds: commits to the coming releases' draws (their seeds' hashes are public once
/// entries open), runs every draw whose entry period has closed, and moves expired offers of freed
/// places on to the next entrant. On several nodes each draw is
/// made once and run once (the database decides).
/// </summary>
public sealed class BallotJob(BallotStore ballots, TimeProvider time, ILogger<BallotJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        await ballots.PrepareAsync(now, ct);
        await ballots.DrawDueAsync(now, Actor.System, ct);
        await ballots.ExpireOffersAsync(now, ct);
    }
}
