using PassportQueue.Web.Data;
using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Channel;

/// <summary>
/// From 17:00 office time, queues a reminder for each of tomorrow's bookings (one per booking,
/// by a unique index, however often and on however many nodes this runs).
/// </summary>
public sealed class ReminderJob(OfficeDirectory offices, OutboxStore outbox, TimeProvider time, ILogger<ReminderJob> logger) : PeriodicJob(time, logger)
{
    /// <summary>Office-local time from which tomorrow's reminders go out.</summary>
    public static readonly TimeOnly SendFrom = new(17, 0);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        foreach (var office in await offices.AllAsync(ct))
        {
            if (TimeOnly.FromDateTime(office.Calendar.ToLocal(now)) >= SendFrom)
            {
                await outbox.QueueRemindersAsync(office.Id, office.Calendar.LocalDate(now).AddDays(1), now.UtcDateTime, ct);
            }
        }
    }
}
