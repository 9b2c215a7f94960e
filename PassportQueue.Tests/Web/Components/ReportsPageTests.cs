using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Web.Auth;
using PassportQueue.Web.Components.Pages;
using PassportQueue.Web.Data.Queries;

namespace PassportQueue.Tests.Web.Components;

public sealed class ReportsPageTests
{
    [Fact]
    public async Task ShowsTheFortnightAroundTodayWithEachDaysBookings()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "BGR");
        ctx.Services.AddSingleton(ctx.Engine.Get<ReportQueries>());
        ctx.Services.AddSingleton(ctx.Engine.Get<BallotQueries>());
        await ctx.Engine.BookAsync("+6281234500001", "#BUDI#25011987#02122026");

        var page = ctx.Render<Reports>();

        page.WaitForAssertion(() => Assert.Equal(28, page.FindAll("[data-testid=report-bookings]").Count));
        Assert.Equal(1, page.FindAll("[data-testid=report-bookings]").Sum(cell => int.Parse(cell.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("laporan.csv?office=BGR&from=2026-11-18&to=2026-12-15", page.Find("[data-testid=report-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
