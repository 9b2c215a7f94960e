using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Reporting;
using PassportQueue.Tests.Web.Components;

namespace PassportQueue.Tests.Web.Reporting;

public sealed class ReportsPageTests
{
    [Fact]
    public async Task ShowsTheLast30DaysAndTheNextWeekWithEachDaysBookingsAndTheBusiestSlots()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "BGR");
        ctx.Services.AddSingleton(ctx.Engine.Get<ReportQueries>());
        ctx.Services.AddSingleton(ctx.Engine.Get<BallotQueries>());
        await ctx.Engine.BookAsync("+6281234500001", "#BUDI#25011987#02122026");
        await ctx.Engine.BookAsync("+6281234500002", "#SITI#01011990#02122026");
        await ctx.Engine.BookAsync("+6281234500003", "#AGUS#01011980#02122026");

        var page = ctx.Render<Reports>();

        page.WaitForAssertion(() => Assert.Equal(37, page.FindAll("[data-testid=report-bookings]").Count));
        Assert.Equal(3, page.FindAll("[data-testid=report-bookings]").Sum(cell => int.Parse(cell.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("laporan.csv?office=BGR&from=2026-11-02&to=2026-12-08", page.Find("[data-testid=report-csv]").GetAttribute("href"), StringComparison.Ordinal);

        // Two places a slot: the 08.00 slot is full, the 08.30 slot has one; the busiest come first.
        var slots = page.FindAll("[data-testid=report-slot]").Select(r => r.QuerySelectorAll("td").Take(2).Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal([["08.00", "2"], ["08.30", "1"]], slots);

        // At most ten dates are labelled under the 37 days, so none overlap.
        var labels = page.FindAll("[data-testid=report-days-chart] text").Select(t => t.TextContent.Trim()).Where(t => t.Contains("Nov", StringComparison.Ordinal) || t.Contains("Des", StringComparison.Ordinal)).ToList();
        Assert.InRange(labels.Count, 4, 10);
    }
}
