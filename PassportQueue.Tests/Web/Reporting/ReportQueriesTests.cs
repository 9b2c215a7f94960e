using PassportQueue.Core.Audit;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Reporting;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Reporting;

public abstract class ReportQueriesTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task CountsEachDaysOutcomesNoShowsFlagsAndBlacklistings()
    {
        await using var h = await EngineHarness.StartAsync(provider, Builders.Settings() with { DailyQuota = 20, PlacesPerSlot = 10 });
        var first = await h.BookAsync("+6281234500001", "#BUDI#25011987#02122026");
        await h.BookAsync("+6281234500002", "#SITI#01011990#02122026");
        await h.BookAsync("+6281234500003", "#AGUS#01011980#03122026");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        await h.Counter.CheckInAsync(first.Code, "BGR", Actor.Staff("petugas"), default);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        await h.Counter.ForfeitLateAsync(null, Actor.System, default);

        var days = await h.Get<ReportQueries>().DailyAsync("BGR", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), default);

        Assert.Equal((2, 1, 1, 1), (days[0].Bookings, days[0].Arrived, days[0].Forfeited, days[0].Flags));
        Assert.Equal(0.5, days[0].NoShowRate);
        Assert.Equal((1, 0), (days[1].Bookings, days[1].Forfeited));
        var csv = ReportQueries.Csv(days).Split('\n');
        Assert.Equal("date,bookings,arrived,completed,returned,forfeited,no_show_rate,flags,blacklistings", csv[0]);
        Assert.Equal("2026-12-02,2,1,0,0,1,0.500,1,0", csv[1]);
    }

    public sealed class OnSqlite() : ReportQueriesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ReportQueriesTests(DatabaseProvider.Postgres);
}
