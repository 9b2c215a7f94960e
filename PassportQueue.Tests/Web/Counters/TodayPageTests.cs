using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Counters;
using PassportQueue.Tests.Web.Components;

namespace PassportQueue.Tests.Web.Counters;

public sealed class TodayPageTests
{
    [Fact]
    public async Task ShowsANewWhatsAppBookingWithoutAReload()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/hari-ini?tanggal=2026-12-02");
        var page = ctx.Render<Today>();
        page.WaitForAssertion(() => Assert.Equal("Terdaftar: 0", page.Find("[data-testid=count-Booked]").TextContent.Trim()));

        var booking = await ctx.Engine.BookAsync("+6281234500001", "#Budi Santoso#25011987#02122026");

        page.WaitForAssertion(() => Assert.Equal(booking.Code, page.Find("[data-testid=row-code]").TextContent));
        Assert.Equal("Terdaftar: 1", page.Find("[data-testid=count-Booked]").TextContent.Trim());
        Assert.Contains("Sisa kuota: 3", page.Find("[data-testid=places-left]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsEveryBookingOfABurstOnceTheBurstIsOver()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/hari-ini?tanggal=2026-12-02");
        var page = ctx.Render<Today>();
        page.WaitForElement("[data-testid=count-Booked]");

        await Task.WhenAll(Enumerable.Range(1, 3).Select(i =>
            ctx.Engine.BookAsync($"+62812345000{i:D2}", $"#Pemohon {(char)('A' + i)}#01011990#02122026")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=row-code]").Count));
        Assert.Equal("Terdaftar: 3", page.Find("[data-testid=count-Booked]").TextContent.Trim());
    }

    [Fact]
    public async Task ForfeitsLateCodesOnRequestAndSaysHowMany()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        await ctx.Engine.BookAsync("+6281234500001", "#Budi Santoso#25011987#02122026");
        ctx.Engine.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        var page = ctx.Render<Today>();
        page.WaitForElement("[data-testid=forfeit-now]");

        await page.Find("[data-testid=forfeit-now]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1 kode dihanguskan.", page.Find("[data-testid=today-notice]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("Hangus: 1", page.Find("[data-testid=count-Forfeited]").TextContent.Trim()));
    }
}
