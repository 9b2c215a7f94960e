using PassportQueue.Web.Ballot;
using PassportQueue.Web.Bookings;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Operations;
using PassportQueue.Web.Rings;

namespace PassportQueue.Web.Hosting;

/// <summary>Registers the background jobs unless <c>Jobs:Enabled</c> is false.</summary>
public static class JobServiceExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Jobs:Enabled", defaultValue: true))
        {
            builder.Services.AddHostedService<OutboxJob>();
            builder.Services.AddHostedService<LateCodeJob>();
            builder.Services.AddHostedService<ReminderJob>();
            builder.Services.AddHostedService<HousekeepingJob>();
            builder.Services.AddHostedService<RetentionJob>();
            builder.Services.AddHostedService<BallotJob>();
            if (builder.Configuration.GetValue("Rings:Enabled", defaultValue: true))
            {
                builder.Services.AddHostedService<RingJob>();
            }
            if (builder.Configuration.GetValue("Backup:EveryHours", 0) > 0 && builder.Configuration.GetValue("Database:Provider", "Sqlite") == "Sqlite")
            {
                builder.Services.AddHostedService<BackupJob>();
            }
        }

        return builder;
    }
}
