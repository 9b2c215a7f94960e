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
public abstract class OutboxTests(DatabaseProvider provider) : IAsyncLifetime
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

    [SkippableFact]
    public async Task QueuesOneReminderPerBookingForTomorrow()
    {
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        var office = await app.QueryAsync(db => db.Offices.SingleAsync(o => o.Code == "BGR"));
        var outbox = app.Get<OutboxStore>();

        var first = await outbox.QueueRemindersAsync(office.Id, new DateOnly(2026, 12, 2), app.Clock.GetUtcNow().UtcDateTime, default);
        var again = await outbox.QueueRemindersAsync(office.Id, new DateOnly(2026, 12, 2), app.Clock.GetUtcNow().UtcDateTime, default);
        await app.Get<OutboxSender>().SendDueAsync(default);

        Assert.Equal((1, 0), (first, again));
        Assert.Contains("Pengingat: besok, Rabu, 2 Desember 2026 pukul 08.00 WIB", Assert.Single(_twilio.Requests).Form["Body"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SendsTheCalledAndTurnNearNoticesWithTheQueueNumberAndTheCounter()
    {
        await using var app = App();
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        await app.SendAsync("+6281234500002", "#ANI#01021988#02122026");
        var codes = await app.QueryAsync(db => db.Bookings.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var officer = Actor.Staff("petugas@bgr");
        await app.Get<CounterDesk>().CheckInAsync(codes[0], "BGR", officer, default);
        await app.Get<CounterDesk>().CheckInAsync(codes[1], "BGR", officer, default);
        var office = (await app.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;

        await app.Get<PassportQueue.Web.Counters.QueueCalls>().CallNextAsync(office, "Loket 2", officer, default);
        Assert.Equal(2, await app.Get<OutboxSender>().SendDueAsync(default));

        var sent = _twilio.Requests.Select(r => (To: r.Form["To"].ToString(), Body: r.Form["Body"].ToString())).OrderBy(r => r.To).ToList();
        Assert.Equal(("whatsapp:" + Budi, $"Nomor antrean 1: silakan menuju Loket 2 sekarang ({office.Settings.Name})."), sent[0]);
        Assert.StartsWith($"Giliran Anda hampir tiba: nomor antrean 2 di {office.Settings.Name}, paling banyak 3 orang lagi di depan Anda.", sent[1].Body, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string?> Buttons = new()
    {
        ["Twilio:Content:AfterBooking"] = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ["Twilio:Content:NextDates1"] = "HX11111111111111111111111111111111",
        ["Twilio:Content:NextDates2"] = "HX22222222222222222222222222222222",
        ["Twilio:Content:NextDates3"] = "HX33333333333333333333333333333333",
    };

    [SkippableFact]
    public async Task AfterABookingSendsCekSyaratAntreanButtonsAndATapAnswersAsTheTypedCommand()
    {
        await using var app = App(Buttons);
        var reply = await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        Assert.Contains("BERHASIL", reply, StringComparison.Ordinal);
        var code = await app.QueryAsync(db => db.Bookings.Select(b => b.Code).SingleAsync());

        Assert.Equal(1, await app.Get<OutboxSender>().SendDueAsync(default));
        var sent = Assert.Single(_twilio.Requests).Form;
        Assert.Equal(("HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", $$"""{"1":"{{code}}"}"""), (sent["ContentSid"].ToString(), sent["ContentVariables"].ToString()));
        Assert.False(sent.ContainsKey("Body"));

        // The tap: Twilio sends the button's title as Body and its id as ButtonPayload.
        foreach (var command in new[] { "CEK", "SYARAT", "ANTREAN" })
        {
            var typed = await app.SendAsync(Budi, command);
            var tapped = await app.SendAsync(Budi, command.ToLowerInvariant() + " (tombol)", extra: new Dictionary<string, string> { ["ButtonText"] = command, ["ButtonPayload"] = command });
            Assert.Equal(typed, tapped);
        }

        // A redelivery of the booking queues no second set of buttons.
        Assert.Equal(1, await app.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [SkippableFact]
    public async Task AfterAClosedDayTheNextDatesAreButtonsAndATapBooksAsTheTypedDateWould()
    {
        await using var app = App(Buttons);
        var refusedSid = "SM" + new string('f', 32);
        // Saturday the 5th: the office is closed; the reply names Monday 7th to Wednesday 9th.
        var refusal = await app.SendAsync("+6281234500077", "#Dewi Lestari#17081990#05122026", sid: refusedSid);
        Assert.Contains("07122026", refusal, StringComparison.Ordinal);
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == OutboxKind.DateChoices));
        Assert.Equal((refusedSid, "HX33333333333333333333333333333333", (long?)null), (row.ReplyToMessageId, row.Template, row.BookingId));
        var variables = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(row.TemplateVariables!)!;
        Assert.Equal(("Sen, 7 Des 2026", $"TGL 07122026 {refusedSid}"), (variables["2"], variables["3"]));
        Assert.All(new[] { "2", "4", "6" }, k => Assert.True(variables[k].Length <= 20));

        await app.Get<OutboxSender>().SendDueAsync(default);
        Assert.Equal("HX33333333333333333333333333333333", Assert.Single(_twilio.Requests).Form["ContentSid"].ToString());

        // Another number cannot use the payload: nothing is booked.
        var stranger = await app.SendAsync("+6281234500088", "Sen, 7 Des 2026", extra: new Dictionary<string, string> { ["ButtonPayload"] = variables["3"] });
        Assert.Contains("sudah tidak berlaku", stranger, StringComparison.Ordinal);

        // The applicant's tap books the 7th exactly as "#Dewi Lestari#17081990#07122026" would.
        var tapSid = "SM" + new string('d', 32);
        var tapped = await app.SendAsync("+6281234500077", "Sen, 7 Des 2026", sid: tapSid, extra: new Dictionary<string, string> { ["ButtonText"] = "Sen, 7 Des 2026", ["ButtonPayload"] = variables["3"] });
        Assert.Contains("BERHASIL", tapped, StringComparison.Ordinal);
        var booked = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Phone == "+6281234500077"));
        Assert.Equal((new DateOnly(2026, 12, 7), "DEWI LESTARI"), (booked.Date, booked.Name));
        Assert.Equal(
            "#Dewi Lestari#17081990#07122026",
            await app.QueryAsync(db => db.Messages.Where(m => m.BookingId == booked.Id).Select(m => m.Body).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Bookings.CountAsync()));

        // Later than 30 minutes after its refusal a date button no longer works, and changes nothing.
        var secondSid = "SM" + new string('e', 32);
        await app.SendAsync("+6281234500099", "#Eko Prasetyo#02021992#05122026", sid: secondSid);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await app.SendAsync("+6281234500099", "Sel, 8 Des 2026", extra: new Dictionary<string, string> { ["ButtonPayload"] = $"TGL 08122026 {secondSid}" });
        Assert.Contains("sudah tidak berlaku", late, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Bookings.CountAsync()));

        // Twilio redelivering the first tap, however late, gets its booking's answer again.
        Assert.Equal(
            tapped,
            await app.SendAsync("+6281234500077", "Sen, 7 Des 2026", sid: tapSid, extra: new Dictionary<string, string> { ["ButtonPayload"] = variables["3"] }));
    }

    [SkippableFact]
    public async Task WithoutContentSidsEveryReplyIsThePlainTextAndNoButtonsAreQueued()
    {
        await using var withButtons = App(Buttons);
        await using var plain = App();
        // A booking, commands, a closed day (Saturday) and a day that is open.
        foreach (var (from, body) in new[] { (Budi, "#BUDI#25011987#02122026"), (Budi, "CEK"), ("+6281234500002", "#ANI#01021988#05122026"), (Budi, "SYARAT"), ("+6281234500002", "#ANI#01021988#07122026") })
        {
            Assert.Equal(WithoutCode(await withButtons.SendAsync(from, body)), WithoutCode(await plain.SendAsync(from, body)));
        }

        // With SIDs the same texts go out, and buttons follow the two bookings and the closed day.
        Assert.Equal(
            [OutboxKind.BookingChoices, OutboxKind.DateChoices, OutboxKind.BookingChoices],
            await withButtons.QueryAsync(db => db.Outbox.OrderBy(o => o.Id).Select(o => o.Kind).ToListAsync()));

        Assert.Equal(0, await plain.QueryAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(0, await plain.Get<OutboxSender>().SendDueAsync(default));
    }

    private static string WithoutCode(string reply) => System.Text.RegularExpressions.Regex.Replace(reply, "BGR-[A-Z0-9]{8}", "BGR-…");

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
