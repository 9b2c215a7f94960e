using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Channel.Twilio;
using PassportQueue.Web.Components;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>Messages the office sends on its own, through the outbox to a fake Twilio REST API on loopback.</summary>
public abstract partial class OutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Budi = "+6281234500001";
    private const string Account = "AC00000000000000000000000000000000";
    private LoopbackServer _twilio = null!;
    private int _failuresLeft;
    private int _sent;

    public async Task InitializeAsync() =>
        _twilio = await LoopbackServer.StartAsync((app, _) => app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (string account) =>
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.Json(new { code = 20500, message = "Internal Server Error", status = 500 }, statusCode: 500);
            }

            var sid = $"SM{Interlocked.Increment(ref _sent):D32}";
            return Results.Json(new { sid, account_sid = account, status = "queued" }, statusCode: 201);
        }));

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [SkippableFact]
    public async Task SendsAForfeitNoticeAsFreeTextInsideTheWindow()
    {
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));

        Assert.Equal(1, await app.Get<OutboxSender>().SendDueAsync(default));

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(("whatsapp:" + Budi, "whatsapp:+628111100333"), (request.Form["To"], request.Form["From"]));
        Assert.Contains("HANGUS", request.Form["Body"], StringComparison.Ordinal);
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal((OutboxStatus.Sent, "SM00000000000000000000000000000001", 1), (row.Status, row.ProviderMessageId, row.Attempts));
    }

    [SkippableFact]
    public async Task RetriesWithBackoffAfterTwilioFails()
    {
        _failuresLeft = 2;
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        var sender = app.Get<OutboxSender>();

        await sender.SendDueAsync(default);
        var afterFailure = await app.QueryAsync(db => db.Outbox.SingleAsync());
        var tooSoon = await sender.SendDueAsync(default);
        app.Clock.Advance(OutboxSender.Backoff(1));
        await sender.SendDueAsync(default);
        app.Clock.Advance(OutboxSender.Backoff(2));
        await sender.SendDueAsync(default);

        Assert.Equal((OutboxStatus.Pending, 1), (afterFailure.Status, afterFailure.Attempts));
        Assert.Equal(0, tooSoon);
        Assert.Equal(3, _twilio.Requests.Count);
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal((OutboxStatus.Sent, 3), (row.Status, row.Attempts));
    }

    [SkippableFact]
    public async Task LosesNothingWhileTwilioFailsForAnHourAndSendsEachMessageOnceWhenItIsBack()
    {
        _failuresLeft = int.MaxValue;
        await using var app = App();
        for (var i = 1; i <= 3; i++)
        {
            await app.SendAsync($"+62812345000{i:D2}", $"#PEMOHON {Builders.Letters(i)}#01011990#02122026");
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        Assert.Equal(3, await app.Get<CounterDesk>().ForfeitLateAsync(null, Actor.System, default));
        var sender = app.Get<OutboxSender>();
        for (var minute = 0; minute < 60; minute++)
        {
            await sender.SendDueAsync(default);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var failedRequests = _twilio.Requests.Count;
        Assert.All(await app.QueryAsync(db => db.Outbox.ToListAsync()), o => Assert.Equal(OutboxStatus.Pending, o.Status));
        Interlocked.Exchange(ref _failuresLeft, 0);
        for (var minute = 0; minute <= 16; minute++)
        {
            await sender.SendDueAsync(default);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var rows = await app.QueryAsync(db => db.Outbox.ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, o => Assert.Equal(OutboxStatus.Sent, o.Status));
        Assert.Equal(3, rows.Select(o => o.ProviderMessageId).Distinct().Count());
        Assert.Equal(failedRequests + 3, _twilio.Requests.Count);
        Assert.All(rows, o => Assert.True(o.Attempts > 5, $"{o.Attempts} attempts"));
    }

    [SkippableFact]
    public async Task GivesUpAMessageTwilioStillRefusesADayLater()
    {
        _failuresLeft = int.MaxValue;
        // With a template, the 24-hour window of free text is no reason to stop: only Twilio's refusals count.
        await using var app = App(new() { ["Twilio:Templates:Forfeited"] = "HX0123456789abcdef0123456789abcdef" });
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        var sender = app.Get<OutboxSender>();
        for (var step = 0; step < 24 * 4 + 2; step++)
        {
            await sender.SendDueAsync(default);
            app.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        var row = await app.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.InRange(row.Attempts, 90, 100);
    }

    [SkippableFact]
    public async Task UsesTheApprovedTemplateOutsideThe24HourWindow()
    {
        await using var app = App(new() { ["Twilio:Templates:Forfeited"] = "HX0123456789abcdef0123456789abcdef" });
        await app.SendAsync(Budi, "#BUDI#25011987#03122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 3, 0, 31, 0, TimeSpan.Zero));

        await app.Get<OutboxSender>().SendDueAsync(default);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", request.Form["ContentSid"]);
        Assert.False(request.Form.ContainsKey("Body"));
        var code = (await app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        Assert.Contains(code, request.Form["ContentVariables"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GivesUpOutsideTheWindowWithoutATemplate()
    {
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#03122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 3, 0, 31, 0, TimeSpan.Zero));

        await app.Get<OutboxSender>().SendDueAsync(default);

        Assert.Empty(_twilio.Requests);
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("no template", row.LastError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task HoldsMessagesWhenNoCredentialsAreConfigured()
    {
        await using var app = new AppFactory(twilioApi: _twilio.BaseUrl, provider: provider);
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));

        await app.Get<OutboxSender>().SendDueAsync(default);

        Assert.Empty(_twilio.Requests);
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Held, row.Status);
        Assert.Contains("HANGUS", row.Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NeverLetsAnOlderDeliveryStatusOverwriteANewerOne()
    {
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await ForfeitAt(app, new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        await app.Get<OutboxSender>().SendDueAsync(default);
        var sid = (await app.QueryAsync(db => db.Outbox.SingleAsync())).ProviderMessageId!;

        var seen = new List<string?>();
        foreach (var status in new[] { "delivered", "sent", "queued", "read", "delivered" })
        {
            using var response = await Status(app, sid, status);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add((await app.QueryAsync(db => db.Outbox.SingleAsync())).DeliveryStatus);
        }

        Assert.Equal(["delivered", "delivered", "delivered", "read", "read"], seen);
    }

    [SkippableFact]
    public async Task RefusesAnUnsignedStatusCallback()
    {
        await using var app = App();
        var form = new Dictionary<string, string> { ["MessageSid"] = "SMx", ["MessageStatus"] = "read" };

        using var response = await app.PostAsync(form, "http://localhost" + TwilioEndpoints.StatusPath, signature: "nope");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private AppFactory App(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:AccountSid"] = Account };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new AppFactory(settings, _twilio.BaseUrl, provider);
    }

    private static async Task ForfeitAt(AppFactory app, DateTimeOffset when)
    {
        app.Clock.SetUtcNow(when);
        Assert.Equal(1, await app.Get<CounterDesk>().ForfeitLateAsync(null, Actor.System, default));
    }

    private static Task<HttpResponseMessage> Status(AppFactory app, string sid, string status) =>
        app.PostAsync(
            new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = status, ["AccountSid"] = Account, ["To"] = "whatsapp:" + Budi },
            "http://localhost" + TwilioEndpoints.StatusPath);

    public sealed class OnSqlite() : OutboxTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OutboxTests(DatabaseProvider.Postgres);
}
