using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Offices;
using PassportQueue.Tests.Web.Components;

namespace PassportQueue.Tests.Web.Offices;

public sealed class SettingsPageTests
{
    [Fact]
    public async Task SavesAValidQuotaAndRecordsWhatChanged()
    {
        await using var ctx = await Start();
        var page = ctx.Render<OfficeSettingsPage>();
        page.WaitForElement("[data-testid=settings-form]");

        await page.Find("input[data-testid=places-per-slot]").ChangeAsync(new() { Value = "5" });
        await page.Find("input[data-testid=daily-quota]").ChangeAsync(new() { Value = "10" });
        await page.Find("[data-testid=save-settings]").ClickAsync(new());

        page.WaitForElement("[data-testid=settings-saved]");
        var office = await ctx.Engine.QueryAsync(db => db.Offices.SingleAsync());
        Assert.Equal((10, 5), (office.Settings.DailyQuota, office.Settings.PlacesPerSlot));
        var audit = await ctx.Engine.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.OfficeSettingsChanged));
        Assert.Contains("DailyQuota: 4 → 10", audit.Reason, StringComparison.Ordinal);
        Assert.Equal("staff:supervisor@test", audit.Actor);
        Assert.Equal(10, (await ctx.Engine.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!.Settings.DailyQuota);
    }

    [Fact]
    public async Task RefusesAQuotaTheSlotsCannotHoldAndAMalformedDateAndSavesNothing()
    {
        await using var ctx = await Start();
        var page = ctx.Render<OfficeSettingsPage>();
        page.WaitForElement("[data-testid=settings-form]");

        await page.Find("input[data-testid=daily-quota]").ChangeAsync(new() { Value = "500" });
        await page.Find("[data-testid=save-settings]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("tidak boleh melebihi", page.Find("[data-testid=settings-errors]").TextContent, StringComparison.Ordinal));
        await page.Find("textarea[data-testid=closed-dates]").ChangeAsync(new() { Value = "25-12-2026" });
        await page.Find("[data-testid=save-settings]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("TTTT-BB-HH: 25-12-2026", page.Find("[data-testid=settings-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(4, (await ctx.Engine.QueryAsync(db => db.Offices.SingleAsync())).Settings.DailyQuota);
        Assert.Equal(0, await ctx.Engine.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    private static async Task<DashboardContext> Start()
    {
        var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "BGR");
        ctx.Services.AddSingleton(ctx.Engine.Get<OfficeSettingsEditor>());
        return ctx;
    }
}
