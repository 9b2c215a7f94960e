using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Accounts;
using PassportQueue.Tests.Web;

namespace PassportQueue.Tests.Browser;

/// <summary>An officer calls the next applicant at the counter, and the office's display board shows it live.</summary>
[Collection(nameof(BrowserRuns))]
public sealed class BoardBrowserTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private readonly AppFactory _app = new();
    private BrowserSession? _browser;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        _base = _app.StartOnKestrel();
        await _app.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task AnOfficerCallsTheNextNumberAndTheBoardInAnotherBrowserShowsItLive()
    {
        foreach (var (from, body) in new[] { ("+6281234577001", "#Budi Santoso#25011987#02122026"), ("+6281234577002", "#Siti Aminah#17081990#02122026") })
        {
            Assert.Contains("BERHASIL", await BrowserSession.SendWhatsAppAsync(_base, from, body), StringComparison.Ordinal);
        }

        // 07:00 WIB on the day: both check in.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        _browser = await BrowserSession.StartAsync();
        var officer = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(officer, _base, "petugas@bgr.test", Password);
        await officer.GotoAsync($"{_base}/loket");
        foreach (var code in await _app.QueryAsync(db => db.Bookings.OrderBy(b => b.DayPlace).Select(b => b.Code).ToListAsync()))
        {
            await officer.Locator("input[data-testid=code]").FillAsync(code);
            await officer.Keyboard.PressAsync("Enter");
            await officer.GetByTestId("arrive").ClickAsync();
            await BrowserSession.ExpectTextAsync(officer.GetByTestId("counter-message"), "Nomor antrean");
        }

        // The board: another browser context, nobody signed in.
        var board = await _browser.NewPageAsync();
        await board.GotoAsync($"{_base}/papan/bgr");
        await BrowserSession.ExpectTextAsync(board.GetByTestId("board-next"), "1");
        Assert.Equal(3, await board.GetByTestId("board-counter").CountAsync());
        Assert.Equal(0, await board.GetByTestId("signed-in-as").CountAsync());

        await officer.GetByTestId("call-next").ClickAsync();
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("call-notice"), "Nomor 1 dipanggil ke Loket 1");

        await BrowserSession.ExpectTextAsync(board.GetByTestId("board-serving").First, "1");
        await BrowserSession.ExpectTextAsync(board.GetByTestId("board-last"), "1 → Loket 1");
        var text = await board.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("BUDI", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SITI", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("BGR-", text, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(board, "board");
    }

    [SkippableFact]
    public async Task TheCounterPickerRemembersEachOfficersCounterAfterAReload()
    {
        _browser = await BrowserSession.StartAsync();
        var officer = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(officer, _base, "petugas@bgr.test", Password);
        await officer.GotoAsync($"{_base}/loket");
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("call-my-counter"), "Anda di Loket 1");

        await officer.GetByTestId("call-counter").ClickAsync();
        await officer.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "Loket 2", Exact = true }).ClickAsync();
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("call-my-counter"), "Anda di Loket 2");
        await officer.ReloadAsync();

        await BrowserSession.ExpectTextAsync(officer.GetByTestId("call-my-counter"), "Anda di Loket 2");
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("call-counter"), "Loket 2");
    }

    [SkippableFact]
    public async Task AtCheckInTheCounterPrintsAQueueTicketSizedForTheThermalPrinterWithoutPersonalData()
    {
        Assert.Contains("BERHASIL", await BrowserSession.SendWhatsAppAsync(_base, "+6281234577001", "#Budi Santoso#25011987#02122026"), StringComparison.Ordinal);
        var code = await _app.QueryAsync(db => db.Bookings.Select(b => b.Code).SingleAsync());
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 5, 0, TimeSpan.Zero));
        _browser = await BrowserSession.StartAsync();
        var officer = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(officer, _base, "petugas@bgr.test", Password);
        await officer.GotoAsync($"{_base}/loket");
        await officer.Locator("input[data-testid=code]").FillAsync(code);
        await officer.Keyboard.PressAsync("Enter");
        Assert.Equal(0, await officer.GetByTestId("ticket-80").CountAsync());
        await officer.GetByTestId("arrive").ClickAsync();
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("counter-message"), "Nomor antrean");

        // The ticket opens in a tab of its own, ready for the browser's print dialog.
        var ticket = await officer.Context.RunAndWaitForPageAsync(() => officer.GetByTestId("ticket-80").ClickAsync());
        await BrowserSession.ExpectTextAsync(ticket.GetByTestId("ticket-number"), "1");
        Assert.Equal("Rabu, 2 Desember 2026, 08.00 WIB", (await ticket.GetByTestId("ticket-slot").InnerTextAsync()).Trim());
        Assert.Equal("02-12-2026 07.05 WIB", (await ticket.GetByTestId("ticket-checked-in").InnerTextAsync()).Trim());
        Assert.True(await ticket.GetByTestId("ticket-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        var text = await ticket.Locator("body").InnerTextAsync();
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("BUDI", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("577001", text, StringComparison.Ordinal);

        // 80 mm is 302 CSS pixels; the 58 mm roll is 219. Printed, the tools are gone.
        Assert.Equal(302, Math.Round((await ticket.GetByTestId("ticket").BoundingBoxAsync())!.Width));
        await ticket.GetByTestId("width-58").ClickAsync();
        await ticket.WaitForURLAsync("**/tiket/*?lebar=58");
        await BrowserSession.ExpectTextAsync(ticket.GetByTestId("ticket-number"), "1");
        Assert.Equal(219, Math.Round((await ticket.GetByTestId("ticket").BoundingBoxAsync())!.Width));
        await BrowserSession.ScreenshotAsync(ticket, "ticket");
        await ticket.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await ticket.GetByTestId("print").IsVisibleAsync());
        Assert.True(await ticket.GetByTestId("ticket").IsVisibleAsync());

        // A code that is not checked in (or not this office's) prints nothing.
        await ticket.GotoAsync($"{_base}/tiket/BGR-AAAAAAAA");
        await BrowserSession.ExpectTextAsync(ticket.GetByTestId("ticket-missing"), "Tiket hanya dapat dicetak");
    }
}
