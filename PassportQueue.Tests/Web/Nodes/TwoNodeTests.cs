using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using PassportQueue.Core.Offices;
using PassportQueue.Tests.Browser;
using PassportQueue.Tests.Web.Data;
using PassportQueue.Web.Data;
using PassportQueue.Web.Accounts;
using PassportQueue.Tests.Web.Channel.Twilio;

namespace PassportQueue.Tests.Web.Nodes;

/// <summary>
/// Two web processes on one PostgreSQL database, as behind a load balancer: bursts split across
/// both, the same message delivered to both, a node killed mid-burst, and a dashboard on one
/// node seeing what an officer did on the other. Real processes, real clock, real server.
/// </summary>
public sealed partial class TwoNodeTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "pq-node-tests", Guid.NewGuid().ToString("N"), "keys");
    private readonly List<WebNode> _nodes = [];
    private string? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }

        if (Directory.Exists(Path.GetDirectoryName(_keys)))
        {
            Directory.Delete(Path.GetDirectoryName(_keys)!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task ABurstSplitAcrossBothNodesBooksExactlyThePlaces()
    {
        var (a, b) = await StartTwoNodesAsync(new Dictionary<string, string>
        {
            ["Offices__BGR__SlotsPerDay"] = "6", ["Offices__BGR__PlacesPerSlot"] = "10", ["Offices__BGR__DailyQuota"] = "60", ["Offices__BGR__PriorityQuota"] = "10",
        });
        var date = FirstOpenDate();

        var replies = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            SendAsync(i % 2 == 0 ? a : b, Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#{date:ddMMyyyy}", $"SM-burst-{i}")));

        var codes = replies.Select(r => CodeIn(r.Reply)).OfType<string>().ToList();
        Assert.Equal(50, codes.Count);
        Assert.Equal(250, replies.Count(r => r.Reply.Contains("penuh", StringComparison.OrdinalIgnoreCase)));
        await using var db = await EngineHarness.JoinAsync(_database!, DateTimeOffset.UtcNow);
        var stored = await db.QueryAsync(x => x.Bookings.Select(k => new { k.Code, k.SlotIndex }).ToListAsync());
        Assert.Equal(codes.Order(), stored.Select(k => k.Code).Order());
        Assert.All(stored.GroupBy(k => k.SlotIndex), slot => Assert.Equal(10, slot.Count()));
        var counter = await db.QueryAsync(x => x.DayCounters.SingleAsync());
        Assert.Equal((50, 0), (counter.OpenTaken, counter.PriorityTaken));
        Assert.Equal(300, await db.QueryAsync(x => x.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task TheSameMessageDeliveredToBothNodesAtOnceBooksOnce()
    {
        var (a, b) = await StartTwoNodesAsync();
        var date = FirstOpenDate();

        var pairs = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var body = $"#Pemohon {Builders.Letters(i)}#01011990#{date:ddMMyyyy}";
            var both = await Task.WhenAll(SendAsync(a, Builders.Sender(i), body, $"SM-twice-{i}"), SendAsync(b, Builders.Sender(i), body, $"SM-twice-{i}"));
            return (First: both[0].Reply, Second: both[1].Reply);
        }));

        Assert.All(pairs, p => Assert.Equal(p.First, p.Second));
        Assert.All(pairs, p => Assert.NotNull(CodeIn(p.First)));
        await using var db = await EngineHarness.JoinAsync(_database!, DateTimeOffset.UtcNow);
        Assert.Equal(30, await db.QueryAsync(x => x.Bookings.CountAsync()));
        Assert.Equal(30, await db.QueryAsync(x => x.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task KillingANodeMidBurstLosesNoAcknowledgedBooking()
    {
        var (a, b) = await StartTwoNodesAsync(new Dictionary<string, string>
        {
            ["Offices__BGR__SlotsPerDay"] = "14", ["Offices__BGR__PlacesPerSlot"] = "100", ["Offices__BGR__DailyQuota"] = "1400", ["Offices__BGR__PriorityQuota"] = "0",
        });
        var date = FirstOpenDate();
        var acknowledgedByA = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new SemaphoreSlim(32);

        // 800 messages, 32 at a time, alternating nodes; node A is killed once it has answered 150.
        var sends = Enumerable.Range(0, 800).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var node = i % 2 == 0 && !killed.Task.IsCompleted ? a : b;
                var sent = await SendAsync(node, Builders.Sender(i), $"#Pemohon {Builders.Letters(i)}#01011990#{date:ddMMyyyy}", $"SM-kill-{i}");
                if (node == a && sent.Acknowledged && Interlocked.Increment(ref acknowledgedByA) == 150)
                {
                    await a.KillAsync();
                    killed.TrySetResult();
                }

                return sent;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var first = await Task.WhenAll(sends);
        Assert.True(killed.Task.IsCompleted);
        var lost = first.Where(s => !s.Acknowledged).ToList();
        Assert.NotEmpty(lost);

        // Twilio retries what got no answer; the load balancer sends it to the node that is left.
        var retried = await Task.WhenAll(lost.Select(s => SendAsync(b, s.From, s.Body, s.Sid)));

        Assert.All(retried, r => Assert.True(r.Acknowledged));
        var answered = first.Where(s => s.Acknowledged).Concat(retried).ToList();
        Assert.Equal(800, answered.Select(s => s.Sid).Distinct().Count());
        await using var db = await EngineHarness.JoinAsync(_database!, DateTimeOffset.UtcNow);
        var stored = (await db.QueryAsync(x => x.Bookings.Select(k => new { k.Code, k.MessageId }).ToListAsync())).ToDictionary(k => k.MessageId!, k => k.Code);
        Assert.All(answered, s => Assert.Equal(CodeIn(s.Reply), stored.GetValueOrDefault(s.Sid)));
        Assert.Equal(800, stored.Count);
        Assert.Equal(800, (await db.QueryAsync(x => x.DayCounters.SingleAsync())).OpenTaken);
        Assert.Equal(800, await db.QueryAsync(x => x.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task ACodeForfeitedOnOneNodeShowsAsForfeitedOnTheOthersDashboard()
    {
        await using var browser = await BrowserSession.StartAsync();
        // The officer forfeits the code, not the late-code job (which would otherwise race the click).
        var (a, b) = await StartTwoNodesAsync(new Dictionary<string, string> { ["Jobs__Enabled"] = "false" });
        await WebNode.AddUserAsync(_database!, _keys, "petugas@bgr.test", Roles.Officer, "BGR", Password);
        // A booking made on the last open day before today, so its check-in deadline has passed.
        var calendar = new OfficeCalendar(BogorSettings());
        var day = calendar.LocalDate(DateTimeOffset.UtcNow).AddDays(-1);
        while (!calendar.IsOpen(day))
        {
            day = day.AddDays(-1);
        }

        string code;
        await using (var past = await EngineHarness.JoinAsync(_database!, new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)))
        {
            code = (await past.BookAsync(Builders.Sender(1), $"#BUDI SANTOSO#25011987#{day:ddMMyyyy}")).Code;
        }

        // Signed in once, on node A: the cookie is good on node B too (shared data-protection keys).
        var page = await browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, a.BaseUrl, "petugas@bgr.test", Password);
        var dashboard = await page.Context.NewPageAsync();
        await dashboard.GotoAsync($"{b.BaseUrl}/hari-ini?tanggal={day:yyyy-MM-dd}");
        var row = dashboard.GetByTestId("today-table").Locator("tr", new LocatorLocatorOptions { HasText = code });
        await Expect(row.GetByTestId("row-state"), "Terdaftar");

        await page.GotoAsync($"{a.BaseUrl}/loket");
        await page.Locator("input[data-testid=code]").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("arrive").ClickAsync();
        await Expect(page.GetByTestId("counter-message"), "HANGUS");

        await Expect(row.GetByTestId("row-state"), "Hangus");
        await Expect(dashboard.GetByTestId("count-Forfeited"), "Hangus: 1");
        // Re-rendered by another node's notification, still in the user's language.
        await Expect(dashboard.Locator(".mud-main-content"), PassportQueue.Core.Offices.OfficeTime.Date(CultureInfo.GetCultureInfo("id-ID"), day));
        await BrowserSession.ScreenshotAsync(dashboard, "second-node-today");
    }

    private async Task<(WebNode A, WebNode B)> StartTwoNodesAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = TestPostgres.CreateDatabase();
        // Both start at once: one migrates and seeds while the other waits for it.
        var nodes = await Task.WhenAll(WebNode.StartAsync(_database, _keys, settings), WebNode.StartAsync(_database, _keys, settings));
        _nodes.AddRange(nodes);
        return (nodes[0], nodes[1]);
    }

    /// <summary>A signed webhook to one node; a node that dies before answering gives no acknowledgement.</summary>
    private static async Task<Sent> SendAsync(WebNode node, string from, string body, string sid)
    {
        var url = $"{node.BaseUrl}/webhooks/twilio/whatsapp";
        using var request = AppFactory.SignedRequest(url, AppFactory.Message(from, body, sid: sid));
        try
        {
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? new Sent(from, body, sid, true, TwiML.ReplyOf(text)) : new Sent(from, body, sid, false, text);
        }
        catch (HttpRequestException)
        {
            return new Sent(from, body, sid, false, string.Empty);
        }
    }

    private static OfficeSettings BogorSettings()
    {
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
        return DatabaseSetup.ConfiguredOffices(configuration).Single(o => o.Code == "BGR");
    }

    /// <summary>Bogor's first open date from today's window, in real time: the nodes run on the real clock.</summary>
    private static DateOnly FirstOpenDate() => new OfficeCalendar(BogorSettings()).OpenDatesInWindow(DateTimeOffset.UtcNow)[0];

    private static string? CodeIn(string reply) => BookingCodePattern().Match(reply) is { Success: true } m ? m.Value : null;

    private static Task Expect(ILocator locator, string text) => BrowserSession.ExpectTextAsync(locator, text);

    [GeneratedRegex("BGR-[0-9A-Z]{8}")]
    private static partial Regex BookingCodePattern();

    private sealed record Sent(string From, string Body, string Sid, bool Acknowledged, string Reply);
}
