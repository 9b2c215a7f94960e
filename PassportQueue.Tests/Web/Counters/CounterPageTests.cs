using Bunit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Counters;
using PassportQueue.Tests.Web.Components;

namespace PassportQueue.Tests.Web.Counters;

public sealed class CounterPageTests
{
    private const string Budi = "+6281234500001";

    [Fact]
    public async Task FindsACodeTypedInLowerCaseWithoutTheDashAndShowsWhoToCheck()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        var booking = await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        var page = ctx.Render<Counter>();

        await Find(page, booking.Code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal));

        page.WaitForAssertion(() => Assert.Equal("BUDI SANTOSO", page.Find("[data-testid=name]").TextContent));
        Assert.Contains("Pemilik nomor", page.Find("[data-testid=booking-details]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Bersih", page.Find("[data-testid=standing]").TextContent);
        Assert.Contains(Budi, page.Find("[data-testid=booking-details]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChecksInOnTheDayAndShowsTheQueueNumber()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        var booking = await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        ctx.Engine.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var page = ctx.Render<Counter>();
        await Find(page, booking.Code);
        page.WaitForElement("[data-testid=arrive]");

        await page.Find("[data-testid=arrive]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Hadir. Nomor antrean: 1", page.Find("[data-testid=counter-message]").TextContent, StringComparison.Ordinal));
        Assert.StartsWith("Hadir", page.Find("[data-testid=state]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XYZ", "Kode tidak valid")]
    [InlineData("BGR-ZZZZZZZZ", "Kode tidak ditemukan di kantor ini")]
    public async Task SaysClearlyWhatIsWrongWithATypedCode(string typed, string expected)
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        var page = ctx.Render<Counter>();

        await Find(page, typed);

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[data-testid=counter-message]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=booking-details]"));
    }

    [Fact]
    public async Task DoesNotShowAnotherOfficesBooking()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "JKP");
        var booking = await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        var page = ctx.Render<Counter>();

        await Find(page, booking.Code);

        page.WaitForAssertion(() => Assert.Contains("Kode tidak ditemukan", page.Find("[data-testid=counter-message]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlagsTheNumberFromTheCounter()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        var booking = await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        var page = ctx.Render<Counter>();
        await Find(page, booking.Code);
        page.WaitForElement("[data-testid=flag]");

        await page.Find("input[data-testid=flag-reason]").ChangeAsync(new() { Value = "iseng" });
        await page.Find("[data-testid=flag]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Ditandai", page.Find("[data-testid=standing]").TextContent));
        Assert.Equal(BookingState.Booked, (await ctx.Engine.Counter.LookUpAsync(booking.Code, "BGR", default)).Booking!.State);
    }

    [Fact]
    public async Task GivesTheReturnsReasonAndTheFlagsReasonEachItsOwnLabel()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Officer, "BGR");
        var booking = await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        ctx.Engine.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        await ctx.Engine.Counter.CheckInAsync(booking.Code, "BGR", PassportQueue.Core.Audit.Actor.Staff("petugas"), default);
        var page = ctx.Render<Counter>();

        await Find(page, booking.Code);

        page.WaitForElement("[data-testid=return-reason]");
        var labels = page.FindAll("label").Select(l => l.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains("Alasan pengembalian berkas", labels);
        Assert.Contains("Alasan menandai nomor", labels);
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task Find(IRenderedComponent<Counter> page, string code)
    {
        await page.Find("input[data-testid=code]").InputAsync(new() { Value = code });
        await page.Find("[data-testid=find]").ClickAsync(new());
    }
}
