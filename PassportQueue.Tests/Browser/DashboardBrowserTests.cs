using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PassportQueue.Core.Bookings;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Web.Accounts;
using PassportQueue.Tests.Web;

namespace PassportQueue.Tests.Browser;

/// <summary>
/// The dashboard as officers and supervisors use it, in Chromium, against the whole app on
/// Kestrel (Production environment, fake clock), with bookings made through the signed webhook.
/// </summary>
[Collection(nameof(BrowserRuns))]
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private const string Budi = "+6281234500001";
    private readonly AppFactory _app = new();
    private BrowserSession? _browser;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        _base = _app.StartOnKestrel();
        await _app.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR");
        await _app.AddStaffAsync("spv@bgr.test", Roles.Supervisor, "BGR");
        await _app.AddStaffAsync("petugas@btm.test", Roles.Officer, "BTM");
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
    public async Task ABookingArrivesLiveOnTodayAndIsCheckedInAndCompletedAtTheCounter()
    {
        var page = await SignInAsync("petugas@bgr.test");
        await page.GotoAsync($"{_base}/hari-ini?tanggal=2026-12-02");
        await page.GetByTestId("count-Booked").WaitForAsync();
        Assert.Contains("Terdaftar: 0", await page.GetByTestId("count-Booked").InnerTextAsync(), StringComparison.Ordinal);

        var reply = await SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        Assert.Contains(code, reply, StringComparison.Ordinal);
        await page.GetByTestId("row-code").Filter(new LocatorFilterOptions { HasText = code }).WaitForAsync();
        Assert.Contains("Terdaftar: 1", await page.GetByTestId("count-Booked").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "today");

        // The next morning, 07:00 WIB: the officer signs in for the day.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        page = await SignInAsync("petugas@bgr.test");
        await page.GotoAsync($"{_base}/loket");
        await page.Locator("input[data-testid=code]").FillAsync(code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("booking-details").WaitForAsync();
        Assert.Equal("BUDI SANTOSO", await page.GetByTestId("name").InnerTextAsync());
        await page.GetByTestId("arrive").ClickAsync();
        await Expect(page.GetByTestId("counter-message"), "Hadir. Nomor antrean: 1");
        await BrowserSession.ScreenshotAsync(page, "counter");
        await page.GetByTestId("complete").ClickAsync();
        await Expect(page.GetByTestId("counter-message"), "Berkas diterima");
        Assert.Equal(BookingState.Completed, (await _app.QueryAsync(db => db.Bookings.SingleAsync())).State);
    }

    [SkippableFact]
    public async Task RefusesALateCodeAtTheCounterAndForfeitsIt()
    {
        await SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        var page = await SignInAsync("petugas@bgr.test");

        await page.GotoAsync($"{_base}/loket");
        await page.Locator("input[data-testid=code]").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("arrive").ClickAsync();

        await Expect(page.GetByTestId("counter-message"), "HANGUS");
        Assert.Equal(BookingState.Forfeited, (await _app.QueryAsync(db => db.Bookings.SingleAsync())).State);
    }

    [SkippableFact]
    public async Task AFlaggedNumberBlacklistedByTheSupervisorIsRefusedOnWhatsApp()
    {
        await SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        var officer = await SignInAsync("petugas@bgr.test");
        await officer.GotoAsync($"{_base}/loket");
        await officer.Locator("input[data-testid=code]").FillAsync(code);
        await officer.Keyboard.PressAsync("Enter");
        await officer.Locator("input[data-testid=flag-reason]").FillAsync("calo menjual kode");
        await officer.GetByTestId("flag").ClickAsync();
        await Expect(officer.GetByTestId("standing"), "Ditandai");

        var supervisor = await SignInAsync("spv@bgr.test");
        await supervisor.GotoAsync($"{_base}/nomor-ditandai");
        await supervisor.GetByTestId("number-item").Filter(new LocatorFilterOptions { HasText = Budi }).ClickAsync();
        await supervisor.GetByTestId("timeline").WaitForAsync();
        await Expect(supervisor.GetByTestId("timeline"), "calo menjual kode");
        await BrowserSession.ScreenshotAsync(supervisor, "flagged");
        await supervisor.Locator("input[data-testid=decision-reason]").FillAsync("terbukti calo");
        await supervisor.GetByTestId("blacklist").ClickAsync();
        await Expect(supervisor.GetByTestId("decision-notice"), "Tersimpan");

        var refused = await SendAsync(Budi, "#ANI#10032023#03122026");
        Assert.Contains("tidak dapat digunakan untuk pendaftaran", refused, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnOfficerCannotOpenSupervisorPagesNorAnotherOfficesBookings()
    {
        await SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var bogorCode = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        var page = await SignInAsync("petugas@bgr.test");

        await page.GotoAsync($"{_base}/nomor-ditandai");
        await page.GetByTestId("access-denied").WaitForAsync();
        await page.GotoAsync($"{_base}/audit");
        await page.GetByTestId("access-denied").WaitForAsync();

        var batamOfficer = await SignInAsync("petugas@btm.test");
        await batamOfficer.GotoAsync($"{_base}/loket");
        await batamOfficer.Locator("input[data-testid=code]").FillAsync(bogorCode);
        await batamOfficer.Keyboard.PressAsync("Enter");
        await Expect(batamOfficer.GetByTestId("counter-message"), "Kode tidak ditemukan di kantor ini");
        Assert.Equal(0, await page.GetByTestId("booking-details").CountAsync());
    }

    [SkippableFact]
    public async Task LocksAnAccountAfterFiveFailedSignIns()
    {
        _browser ??= await BrowserSession.StartAsync();
        var page = await _browser.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync($"{_base}/account/login");
            await page.Locator("#email").FillAsync("petugas@bgr.test");
            await page.Locator("#password").FillAsync("wrong-password-" + i);
            await page.GetByTestId("login-submit").ClickAsync();
            await Expect(page.GetByTestId("login-error"), i < 4 ? "Email atau kata sandi salah" : "dikunci");
        }

        await page.Locator("#email").FillAsync("petugas@bgr.test");
        await page.Locator("#password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error"), "dikunci sementara");
    }

    [SkippableFact]
    public async Task SwitchesTheDashboardToEnglishAndBack()
    {
        var page = await SignInAsync("spv@bgr.test");
        await page.GotoAsync($"{_base}/loket");
        await Expect(page.Locator("h4"), "Loket");

        await page.GetByTestId("lang-en").ClickAsync();

        await Expect(page.Locator("h4"), "Counter");
        await page.GotoAsync($"{_base}/nomor-ditandai");
        await Expect(page.Locator("h4"), "Flagged numbers");
    }

    [SkippableFact]
    public async Task ADisabledOfficersOpenCounterPageStopsWorkingWithinAMinute()
    {
        var page = await SignInAsync("petugas@bgr.test");
        await page.GotoAsync($"{_base}/loket");
        await page.Locator("input[data-testid=code]").WaitForAsync();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetActiveAsync("petugas@bgr.test", active: false, PassportQueue.Core.Audit.Actor.System));
        }

        _app.Clock.Advance(StaffSessions.Interval + TimeSpan.FromSeconds(1));

        // The live page loses its user and sends the browser to the sign-in, which the disabled account cannot pass.
        // The check, the re-render and the sign-in page's load; on a loaded CI machine this took over 15 s once.
        await page.WaitForURLAsync("**/account/login**", new PageWaitForURLOptions { Timeout = 45_000 });
        await page.GotoAsync($"{_base}/loket");
        await page.WaitForURLAsync("**/account/login**");
        await BrowserSession.SignInAttemptAsync(page, _base, "petugas@bgr.test", Password);
        Assert.Equal(0, await page.GetByTestId("signed-in-as").CountAsync());
    }

    [SkippableFact]
    public async Task EveryPageWorksUnderTheContentSecurityPolicy()
    {
        var page = await SignInAsync("spv@bgr.test");
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        foreach (var (path, heading) in new[] { ("/loket", "Loket"), ("/hari-ini", "Hari ini"), ("/nomor-ditandai", "Nomor ditandai"), ("/audit", "Jejak audit"), ("/laporan", "Laporan"), ("/pengaturan", "Pengaturan kantor") })
        {
            await page.GotoAsync(_base + path);
            await Expect(page.Locator("h4").First, heading);
        }

        // Interactive: the counter answers a typed code over the live connection.
        await page.GotoAsync($"{_base}/loket");
        await page.Locator("input[data-testid=code]").FillAsync("BGR-XXXXXXXX");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("counter-message"), "tidak ditemukan");
        Assert.Empty(refused);
    }

    [SkippableFact]
    public async Task ANewSupervisorEnrolsAnAuthenticatorAppAtTheFirstSignIn()
    {
        await _app.AddStaffAsync("spv.baru@bgr.test", Roles.Supervisor, "BGR", enrolled: false);
        _browser ??= await BrowserSession.StartAsync();
        var page = await _browser.NewPageAsync();

        await BrowserSession.SignInAttemptAsync(page, _base, "spv.baru@bgr.test", Password);

        await Expect(page.GetByTestId("enrol-required"), "wajib memakai verifikasi dua langkah");
        Assert.True(await page.GetByTestId("enrol-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await page.GotoAsync($"{_base}/audit");
        await page.WaitForURLAsync("**/account/login**");
        await page.GotoAsync($"{_base}/account/enrol");
        var key = (await page.GetByTestId("enrol-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.Locator("#code").FillAsync(AppFactory.CodeNow(key));
        await page.GetByTestId("enrol-submit").ClickAsync();

        Assert.Equal(PassportQueue.Web.Accounts.SecondFactor.RecoveryCodes, await page.GetByTestId("recovery-codes").Locator("li").CountAsync());
        await page.GetByTestId("enrol-continue").ClickAsync();
        await Expect(page.GetByTestId("signed-in-as"), "spv.baru@bgr.test");
        await BrowserSession.ScreenshotAsync(page, "enrolled");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        _browser ??= await BrowserSession.StartAsync();
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _base, email, Password);
        return page;
    }

    private Task<string> SendAsync(string from, string body, string to = "+628111100333") => BrowserSession.SendWhatsAppAsync(_base, from, body, to);

    private static Task Expect(ILocator locator, string text) => BrowserSession.ExpectTextAsync(locator, text);
}
