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

public partial class OutboxTests
{
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
}
