using PassportQueue.Web.Jobs;

namespace PassportQueue.Web.Operations;

/// <summary>Every <c>Backup:EveryHours</c> hours (0, the default, turns it off): a copy of the SQLite database into <c>Backup:Folder</c>.</summary>
public sealed class BackupJob(DatabaseBackup backup, IConfiguration configuration, TimeProvider time, ILogger<BackupJob> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Backup:EveryHours", 0)));

    protected override Task RunOnceAsync(CancellationToken ct) => backup.ScheduledAsync(ct);
}
