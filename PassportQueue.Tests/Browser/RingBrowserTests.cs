using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Rings;
using PassportQueue.Web.Accounts;
using PassportQueue.Tests.Web;

namespace PassportQueue.Tests.Browser;

/// <summary>A supervisor takes a ring apart in Chromium, and reads the counter's integrity report.</summary>
[Collection(nameof(BrowserRuns))]
public sealed class RingBrowserTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private static readonly string[] Series = ["+6281355500101", "+6281355500102", "+6281355500103"];
    private readonly AppFactory _app = new();
    private BrowserSession? _browser;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        _base = _app.StartOnKestrel();
        await _app.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR", name: "Rina Petugas");
        await _app.AddStaffAsync("spv@bgr.test", Roles.Supervisor, "BGR", name: "Sari Supervisor");
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
    public async Task ASupervisorOpensARingSeesItsPictureAndEvidenceAndBlacklistsItWithOneDecision()
    {
        // Three new numbers in a row; two of them book RINA and RINI, born the same day.
        Assert.Contains("BERHASIL", await SendAsync(Series[0], "#Rina Marlina#05051995#03122026"), StringComparison.Ordinal);
        Assert.Contains("BERHASIL", await SendAsync(Series[1], "#Rini Marlina#05051995#03122026"), StringComparison.Ordinal);
        Assert.Contains("BERHASIL", await SendAsync(Series[2], "#Joko Susilo#01011980#03122026"), StringComparison.Ordinal);
        await _app.Get<RingDetector>().ScanAsync(default);

        var page = await SignInAsync("spv@bgr.test");
        await page.GotoAsync($"{_base}/jaringan");
        await page.GetByTestId("ring-open").First.ClickAsync();
        await page.GetByTestId("ring-picture").WaitForAsync();

        Assert.Equal(3, await page.Locator("[data-testid=ring-node][data-kind=Number]").CountAsync());
        Assert.True(await page.GetByTestId("ring-edge").CountAsync() >= 2);
        await BrowserSession.ExpectTextAsync(page.Locator("[data-testid=ring-signal][data-kind=NumberSeries]"), "3 nomor baru berurutan");
        await BrowserSession.ExpectTextAsync(page.Locator("[data-testid=ring-signal][data-kind=PossibleSamePerson]"), "RINI MARLINA");
        await BrowserSession.ScreenshotAsync(page, "ring");
        Assert.Empty(await BrowserSession.AccessibilityProblemsAsync(page));

        await page.Locator("input[data-testid=ring-reason]").FillAsync("nomor berurutan dan identitas ganda");
        await page.GetByTestId("ring-decide").ClickAsync();
        await BrowserSession.ExpectTextAsync(page.GetByTestId("ring-notice"), "Tersimpan");
        await BrowserSession.ExpectTextAsync(page.GetByTestId("ring-decided"), "nomor berurutan dan identitas ganda");
        // The decision names the supervisor as a person, not by the login id (which the audit line keeps).
        await BrowserSession.ExpectTextAsync(page.GetByTestId("ring-decided"), "oleh Sari Supervisor (BGR)");
        Assert.DoesNotContain("staff:", await page.GetByTestId("ring-decided").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("[data-testid=ring-node][data-standing=Blacklisted]").CountAsync());

        var standings = await _app.QueryAsync(db => db.Phones.Where(p => Series.Contains(p.Number)).Select(p => p.Standing).ToListAsync());
        Assert.All(standings, s => Assert.Equal(PhoneStanding.Blacklisted, s));
        foreach (var number in Series)
        {
            Assert.Contains("tidak dapat digunakan untuk pendaftaran", await SendAsync(number, "#Ani Lestari#10101990#04122026"), StringComparison.Ordinal);
        }

        await page.GotoAsync($"{_base}/jaringan");
        await page.GetByTestId("rings-empty").WaitForAsync();
    }

    [SkippableFact]
    public async Task TheIntegrityReportListsACheckInMadeOutOfSlotOrder()
    {
        // Bogor has 8 places a slot: the ninth booking is in the second slot.
        var codes = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            await SendAsync($"+62813666001{i:D2}", $"#Pemohon {Builders.Letters(i)}#01011990#02122026");
        }

        var bookings = await _app.QueryAsync(db => db.Bookings.OrderBy(b => b.DayPlace).Select(b => new { b.Code, b.SlotIndex }).ToListAsync());
        Assert.Equal((0, 1), (bookings[0].SlotIndex, bookings[8].SlotIndex));

        // 07:00 WIB on the day: the officer checks in the second slot's applicant before the first slot's.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var officer = await SignInAsync("petugas@bgr.test");
        await officer.GotoAsync($"{_base}/loket");
        foreach (var code in new[] { bookings[8].Code, bookings[0].Code })
        {
            await officer.Locator("input[data-testid=code]").FillAsync(code);
            await officer.Keyboard.PressAsync("Enter");
            await officer.GetByTestId("arrive").ClickAsync();
            await BrowserSession.ExpectTextAsync(officer.GetByTestId("counter-message"), "Nomor antrean");
        }

        var supervisor = await SignInAsync("spv@bgr.test");
        await supervisor.GotoAsync($"{_base}/integritas");
        var findings = supervisor.GetByTestId("integrity-findings");
        await findings.WaitForAsync();
        var row = findings.Locator("tr").Filter(new LocatorFilterOptions { HasText = "Check-in tidak urut jadwal" });
        await BrowserSession.ExpectTextAsync(row, bookings[8].Code);
        await BrowserSession.ExpectTextAsync(supervisor.GetByTestId("integrity-officers"), "Rina Petugas (BGR)");
        // The office's only officer: never twice the office's own average, so the absolute threshold marks the out-of-order check-in, and says so.
        var officerRow = supervisor.GetByTestId("integrity-officers").Locator("tr").Filter(new LocatorFilterOptions { HasText = "Rina Petugas" });
        await BrowserSession.ExpectTextAsync(officerRow.GetByTestId("integrity-OutOfSlotOrder"), "di atas batas 10");
        Assert.DoesNotContain("staff:", await supervisor.GetByTestId("integrity-officers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("staff:", await findings.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(supervisor, "integrity");
        // At 1280 px the officers' table fits: its last column is on the screen, and nothing scrolls sideways.
        var lastHeader = supervisor.GetByTestId("integrity-officers").Locator("th").Last;
        var box = (await lastHeader.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 1280, $"The integrity table's last column ends at {box.X + box.Width} px.");
        Assert.False(await supervisor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));

        await row.GetByTestId("integrity-audit").ClickAsync();
        await BrowserSession.ExpectTextAsync(supervisor.GetByTestId("audit-reason").First, "nomor antrean 1, kode diketik");
        Assert.Equal(3, await supervisor.GetByTestId("audit-reason").CountAsync());
    }

    private async Task<IPage> SignInAsync(string email)
    {
        _browser ??= await BrowserSession.StartAsync();
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _base, email, Password);
        return page;
    }

    private Task<string> SendAsync(string from, string body) => BrowserSession.SendWhatsAppAsync(_base, from, body);
}
