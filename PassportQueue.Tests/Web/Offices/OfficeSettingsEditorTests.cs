using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Components.Common;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Offices;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Offices;

public abstract class OfficeSettingsEditorTests(DatabaseProvider provider)
{
    private static readonly Actor Supervisor = Actor.Staff("spv@bgr");

    [SkippableFact]
    public async Task ARaisedQuotaOpensPlacesOnADayThatAlreadyHasBookings()
    {
        var settings = Builders.Settings() with { PlacesPerSlot = 10 };
        await using var h = await EngineHarness.StartAsync(provider, settings);
        for (var i = 1; i <= 3; i++)
        {
            await h.BookAsync($"+62812345000{i:D2}", $"#Dewasa {(char)('A' + i)}#01011990#02122026");
        }

        var fullBefore = Assert.IsType<BookingRefused>(await h.SendAsync("+6281234500004", "#Dewasa X#01011990#02122026"));
        var errors = await h.Get<OfficeSettingsEditor>().SaveAsync("BGR", settings with { DailyQuota = 6 }, Supervisor, default);
        var fourth = await h.BookAsync("+6281234500005", "#Dewasa Y#01011990#02122026");

        Assert.Empty(errors);
        Assert.Equal(RefusalReason.DayFull, fullBefore.Reason);
        Assert.Equal(new DateOnly(2026, 12, 2), fourth.Date);
        var counter = await h.QueryAsync(db => db.DayCounters.SingleAsync());
        Assert.Equal((6, 1, 4), (counter.Quota, counter.PriorityQuota, counter.OpenTaken));
        var reason = (await h.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.OfficeSettingsChanged))).Reason;
        Assert.Contains("days already open: 1", TextsTests.InEnglish(l => AuditText.Reason(l, reason)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ALoweredQuotaNeverTakesAwayPlacesAlreadyGiven()
    {
        var settings = Builders.Settings() with { PlacesPerSlot = 10 };
        await using var h = await EngineHarness.StartAsync(provider, settings);
        for (var i = 1; i <= 3; i++)
        {
            await h.BookAsync($"+62812345000{i:D2}", $"#Dewasa {(char)('A' + i)}#01011990#02122026");
        }

        await h.Get<OfficeSettingsEditor>().SaveAsync("BGR", settings with { DailyQuota = 1, PriorityQuota = 0 }, Supervisor, default);
        var refused = Assert.IsType<BookingRefused>(await h.SendAsync("+6281234500004", "#Dewasa X#01011990#02122026"));

        Assert.Equal(RefusalReason.DayFull, refused.Reason);
        var counter = await h.QueryAsync(db => db.DayCounters.SingleAsync());
        Assert.Equal((3, 0, 3), (counter.Quota, counter.PriorityQuota, counter.OpenTaken));
        Assert.Equal(3, await h.QueryAsync(db => db.Bookings.CountAsync()));
    }

    public sealed class OnSqlite() : OfficeSettingsEditorTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OfficeSettingsEditorTests(DatabaseProvider.Postgres);
}
