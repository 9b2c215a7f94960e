using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PassportQueue.Web.Demo;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Components;
using PassportQueue.Tests.Web;

namespace PassportQueue.Tests.Browser;

/// <summary>
/// Every page of the dashboard and the public pages, with the Development demo data, audited by axe-core (the
/// engine as Deque ships it in Deque.AxeCore.Playwright) in Chromium: no serious or critical violation anywhere.
/// The same run saves the screenshots of the board, the counter and the reports.
/// </summary>
[Collection(nameof(BrowserRuns))]
public sealed class AccessibilityBrowserTests(AccessibilityBrowserTests.DemoApp demo) : IClassFixture<AccessibilityBrowserTests.DemoApp>, IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private readonly AppFactory _app = demo.App;
    private readonly string _base = demo.BaseUrl;
    private BrowserSession? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task EveryPageHasNoSeriousOrCriticalAccessibilityViolation()
    {
        _browser = await BrowserSession.StartAsync();
        var problems = new List<string>();

        // Signed out: the sign-in page, the display board, the public ballot pages.
        var visitor = await _browser.NewPageAsync();
        foreach (var path in new[] { "/account/login", "/papan/bgr", "/undian", "/undian/bgr" })
        {
            problems.AddRange(await AuditAsync(visitor, path));
        }

        // Signed in as an admin, who sees every page.
        var admin = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(admin, _base, "admin@pusat.test", Password);
        var waiting = await _app.QueryAsync(db => db.Bookings.Where(b => b.State == PassportQueue.Core.Bookings.BookingState.Arrived).Select(b => b.Code).FirstAsync());
        foreach (var path in new[]
        {
            "/", "/loket", "/hari-ini", "/nomor-ditandai", "/daftar-hitam", "/audit", "/laporan", "/pengaturan", "/pengguna", "/pengundian",
            "/jaringan", "/integritas", "/laporan-calo", "/simulator", $"/tiket/{waiting}", "/account/denied",
        })
        {
            problems.AddRange(await AuditAsync(admin, path));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task TheBoardTheCounterAndTheReportsWithTheDemoDataAndTheAuditTableFitsAt1280Pixels()
    {
        _browser = await BrowserSession.StartAsync();
        var board = await _browser.NewPageAsync();
        await board.GotoAsync($"{_base}/papan/bgr");
        await BrowserSession.ExpectTextAsync(board.GetByTestId("board-serving").First, string.Empty);
        await board.GetByTestId("board-next").WaitForAsync();
        await BrowserSession.ScreenshotAsync(board, "demo-board");

        var officer = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(officer, _base, "petugas@bgr.test", Password);
        await officer.GotoAsync($"{_base}/loket");

        // A wrong code typed at the counter is announced at once to a screen reader.
        await officer.Locator("input[data-testid=code]").FillAsync("BGR-AAAAAAAA");
        await officer.Keyboard.PressAsync("Enter");
        await BrowserSession.ExpectTextAsync(officer.GetByTestId("counter-message"), "tidak ditemukan");
        Assert.Equal("alert", await officer.GetByTestId("counter-message").GetAttributeAsync("role"));

        var code = await _app.QueryAsync(db => db.Bookings.Where(b => b.State == PassportQueue.Core.Bookings.BookingState.Arrived && b.Code.StartsWith("BGR-")).Select(b => b.Code).FirstAsync());
        await officer.Locator("input[data-testid=code]").FillAsync(code);
        await officer.Keyboard.PressAsync("Enter");
        await officer.GetByTestId("booking-details").WaitForAsync();
        await BrowserSession.ScreenshotAsync(officer, "demo-counter");

        var admin = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(admin, _base, "admin@pusat.test", Password);
        await admin.GotoAsync($"{_base}/laporan");
        await admin.GetByTestId("report-slots").WaitForAsync();
        await admin.GetByTestId("report-days-chart").Locator("svg").First.WaitForAsync();
        await BrowserSession.ScreenshotAsync(admin, "demo-reports");

        // The audit table at 1280 px: its last column is on the screen, and nothing scrolls sideways.
        await admin.GotoAsync($"{_base}/audit");
        var lastHeader = admin.GetByTestId("audit-table").Locator("th").Last;
        await lastHeader.WaitForAsync();
        var box = (await lastHeader.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 1280, $"The audit table's last column ends at {box.X + box.Width} px.");
        Assert.False(await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
        await BrowserSession.ScreenshotAsync(admin, "demo-audit");

        // The integrity report at 1280 px, with the demo's officers: the same.
        await admin.GotoAsync($"{_base}/integritas");
        var lastCheck = admin.GetByTestId("integrity-officers").Locator("th").Last;
        await lastCheck.WaitForAsync();
        var check = (await lastCheck.BoundingBoxAsync())!;
        Assert.True(check.X + check.Width <= 1280, $"The integrity table's last column ends at {check.X + check.Width} px.");
        Assert.False(await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
        await BrowserSession.ScreenshotAsync(admin, "demo-integrity");
    }

    /// <summary>Opens a page, lets it render (live pages connect first), and lists axe-core's serious and critical violations on it.</summary>
    private async Task<IEnumerable<string>> AuditAsync(IPage page, string path)
    {
        await page.GotoAsync(_base + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("h1, h2, h3, h4, h5, h6, .pq-ticket").First.WaitForAsync();
        return (await BrowserSession.AccessibilityProblemsAsync(page)).Select(p => $"{path}: {p}");
    }

    /// <summary>One app with the demo data for both tests (writing it takes seconds), with an admin and an officer.</summary>
    public sealed class DemoApp : IAsyncLifetime
    {
        internal AppFactory App { get; } = new();

        public string BaseUrl { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            BaseUrl = App.StartOnKestrel();
            await App.Get<DemoData>().SeedAsync(default);
            await App.AddStaffAsync("admin@pusat.test", Roles.Admin, null, Password, enrolled: true);
            await App.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR");
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
