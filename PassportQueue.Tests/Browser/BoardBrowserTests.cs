using Microsoft.EntityFrameworkCore;
using PassportQueue.Tests.Web.WhatsApp;
using PassportQueue.Web.Auth;

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
}
