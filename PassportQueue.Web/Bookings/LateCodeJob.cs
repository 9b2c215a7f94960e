using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Bookings;

/// <summary>
/// Forfeits codes whose check-in deadline has passed, within a minute of each deadline. Each
/// forfeit is conditional on the booking still being Booked, so two nodes running this at once
/// forfeit a code once; the applicant is told through the outbox.
/// </summary>
public sealed class LateCodeJob(CounterDesk counter, TimeProvider time, ILogger<LateCodeJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override Task RunOnceAsync(CancellationToken ct) => counter.ForfeitLateAsync(null, Actor.System, ct);
}
