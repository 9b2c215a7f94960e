using Microsoft.Extensions.Options;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Operations;

/// <summary>Hourly: removes e-KTP photos past their retention, and forgets quiet numbers in the flood guard.</summary>
public sealed class HousekeepingJob(IdPhotoStore photos, FloodGuard flood, IOptions<WhatsAppOptions> options, TimeProvider time, ILogger<HousekeepingJob> logger)
    : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await photos.DeleteExpiredAsync(options.Value.IdPhotoRetentionDays, ct);
        flood.Trim();
    }
}
