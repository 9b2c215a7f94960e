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
}
