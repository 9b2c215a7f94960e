using Microsoft.Playwright;

namespace PassportQueue.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver; never downloads a browser. Without
/// /usr/bin/chromium the browser tests are skipped with the reason, unless
/// <c>PASSPORTQUEUE_REQUIRE_BROWSER=1</c> (set by .ci/run), when they fail instead.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "PASSPORTQUEUE_REQUIRE_BROWSER";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var required = Environment.GetEnvironmentVariable(RequireVariable) == "1";
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(required, $"{ChromiumPath} is missing and {RequireVariable}=1: browser tests are required here.");
            Skip.If(true, $"No browser: {ChromiumPath} is not installed (apt-get install chromium). .ci/run installs it and requires these tests.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>
    /// Signs in on the dashboard at <paramref name="baseUrl"/>, typing the authenticator code where the
    /// account asks for one, and waits until it shows who is signed in.
    /// </summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password, string key = Web.AppFactory.AuthenticatorKey)
    {
        await SignInAttemptAsync(page, baseUrl, email, password);
        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await page.Locator("#code").FillAsync(Web.AppFactory.CodeNow(key));
            await page.GetByTestId("two-factor-submit").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    /// <summary>Fills in and sends the sign-in form, and waits for the answer page.</summary>
    public static async Task SignInAttemptAsync(IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Waits (up to 15 s) until the element contains the text; a live page may take a moment.</summary>
    public static Task ExpectTextAsync(ILocator locator, string text) =>
        Assertions.Expect(locator).ToContainTextAsync(text, new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });

    /// <summary>Sends a WhatsApp message to the app on <paramref name="baseUrl"/> as Twilio does (signed), and returns the reply's text.</summary>
    public static async Task<string> SendWhatsAppAsync(string baseUrl, string from, string body, string to = "+628111100333")
    {
        using var http = new HttpClient();
        using var request = Web.AppFactory.SignedRequest($"{baseUrl}/webhooks/twilio/whatsapp", Web.AppFactory.Message(from, body, to));
        using var response = await http.SendAsync(request);
        return Web.Channel.Twilio.TwiML.ReplyOf(await response.Content.ReadAsStringAsync());
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>axe-core's serious and critical violations on the page as it stands, one line each with where they are.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(IPage page)
    {
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
