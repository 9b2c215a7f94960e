using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Ballot;
using PassportQueue.Tests.Web;

namespace PassportQueue.Tests.Browser;

/// <summary>
/// The ballot in Chromium: a supervisor watches a draw's entries arrive live and sees its result;
/// the public page shows the commitment while entries are open and the seed after the draw.
/// Jakarta Pusat runs the ballot (2 places); the fake clock starts at its release, 09:00 WIB.
/// </summary>
[Collection(nameof(BrowserRuns))]
public sealed class BallotBrowserTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private const string Jakarta = "+6281299004406";
    private readonly AppFactory _app = new(new Dictionary<string, string?>
    {
        ["Offices:JKP:Allocation"] = "Ballot",
        ["Offices:JKP:ReleaseTime"] = "09:00",
        ["Offices:JKP:EntryMinutes"] = "60",
        ["Offices:JKP:DailyQuota"] = "2",
        ["Offices:JKP:PriorityQuota"] = "0",
    });

    private BrowserSession? _browser;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        _base = _app.StartOnKestrel();
        await _app.AddStaffAsync("spv@jkp.test", Roles.Supervisor, "JKP");
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
    public async Task ASupervisorSeesEntriesArriveLiveAndTheResultAndThePublicPageShowsTheCommitmentThenTheSeed()
    {
        _browser = await BrowserSession.StartAsync();
        Assert.Contains("DITERIMA", await SendAsync("+6281234500201", "#ANI LESTARI#25011987#15122026"), StringComparison.Ordinal);
        var commitment = (await _app.QueryAsync(db => db.BallotDraws.SingleAsync())).Commitment;

        var visitor = await _browser.NewPageAsync();
        await visitor.GotoAsync($"{_base}/undian/JKP");
        await BrowserSession.ExpectTextAsync(visitor.GetByTestId("public-commitment"), commitment);
        await BrowserSession.ExpectTextAsync(visitor.GetByTestId("public-entries"), "1");
        Assert.Equal(0, await visitor.GetByTestId("public-seed").CountAsync());

        var supervisor = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(supervisor, _base, "spv@jkp.test", Password);
        await supervisor.GotoAsync($"{_base}/pengundian");
        var row = supervisor.GetByTestId("draws-table").Locator("tbody tr").First;
        await BrowserSession.ExpectTextAsync(row.GetByTestId("draw-entries"), "1");

        await SendAsync("+6281234500202", "#BUDI SANTOSO#14021985#15122026");
        await SendAsync("+6281234500203", "#CITRA DEWI#03031993#15122026");
        await BrowserSession.ExpectTextAsync(row.GetByTestId("draw-entries"), "3");

        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Single(await _app.Get<BallotStore>().DrawDueAsync(_app.Clock.GetUtcNow(), Actor.System, default));
        await BrowserSession.ExpectTextAsync(row.GetByTestId("draw-state"), "sudah diundi");
        await BrowserSession.ExpectTextAsync(row.GetByTestId("draw-winners"), "2");
        await row.ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("draw-entry-list").Locator("tbody tr")).ToHaveCountAsync(3);
        await BrowserSession.ScreenshotAsync(supervisor, "draws");

        await visitor.ReloadAsync();
        var seed = (await _app.QueryAsync(db => db.BallotDraws.SingleAsync())).Seed!;
        await BrowserSession.ExpectTextAsync(visitor.GetByTestId("public-seed"), seed);
        var text = await visitor.Locator("body").InnerTextAsync();
        foreach (var personal in new[] { "ANI LESTARI", "BUDI SANTOSO", "CITRA DEWI", "25011987", "6281234500201" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        await BrowserSession.ScreenshotAsync(visitor, "ballot-public");
    }

    private Task<string> SendAsync(string from, string body) => BrowserSession.SendWhatsAppAsync(_base, from, body, Jakarta);
}
