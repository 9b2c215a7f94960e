using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;

namespace PassportQueue.Tests.Web.Ballot;

/// <summary>
/// The ballot as applicants and the public meet it: entries and refusals through the signed webhook,
/// the draw, the notices through the outbox to a fake Twilio, and the public page and its download,
/// which never carry a name, a number or a birth date. Jakarta Pusat runs the ballot here with 2 places.
/// </summary>
public abstract class BallotWebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Jakarta = "+628129900440" + "6";
    private static readonly (string Phone, string Name, string Birth)[] Entrants =
    [
        ("+6281234500101", "ANI LESTARI", "25011987"),
        ("+6281234500102", "BUDI SANTOSO", "14021985"),
        ("+6281234500103", "CITRA DEWI", "03031993"),
    ];

    private LoopbackServer _twilio = null!;

    public async Task InitializeAsync() =>
        _twilio = await LoopbackServer.StartAsync((app, _) => app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (string account) =>
            Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), account_sid = account, status = "queued" }, statusCode: 201)));

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [SkippableFact]
    public async Task EntriesTheDrawTheNoticesAndThePublicPageWithoutPersonalData()
    {
        await using var app = new AppFactory(
            new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
                ["Offices:JKP:Allocation"] = "Ballot",
                ["Offices:JKP:ReleaseTime"] = "09:00",
                ["Offices:JKP:EntryMinutes"] = "60",
                ["Offices:JKP:DailyQuota"] = "2",
                ["Offices:JKP:PriorityQuota"] = "0",
            },
            _twilio.BaseUrl,
            provider);

        foreach (var (phone, name, birth) in Entrants)
        {
            var reply = await app.SendAsync(phone, $"#{name}#{birth}#15122026", to: Jakarta);
            Assert.Contains("Pendaftaran undian DITERIMA untuk Selasa, 15 Desember 2026", reply, StringComparison.Ordinal);
            Assert.Contains("Kecepatan mengirim TIDAK berpengaruh", reply, StringComparison.Ordinal);
            Assert.Contains("10.00 WIB", reply, StringComparison.Ordinal);
        }

        Assert.Contains("sudah terdaftar dalam undian", await app.SendAsync(Entrants[0].Phone, "#Ani Lestari#25011987#15122026", to: Jakarta), StringComparison.Ordinal);
        // CEK during the entry period answers with the entry: its code, its day and when it is drawn.
        var entryCode = (await app.QueryAsync(db => db.BallotEntries.SingleAsync(e => e.Phone == Entrants[2].Phone))).EntryCode;
        var pending = await app.SendAsync(Entrants[2].Phone, "CEK", to: Jakarta);
        Assert.Contains($"Undian untuk Selasa, 15 Desember 2026: kode undian *{entryCode}*, diundi Selasa, 1 Desember 2026 pukul 10.00 WIB", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak ada pendaftaran aktif", pending, StringComparison.Ordinal);
        Assert.Contains("belum dibuka", await app.SendAsync("+6281234500199", "#DEWI#04041994#16122026", to: Jakarta), StringComparison.Ordinal);

        var client = app.CreateClient();
        var open = await client.GetStringAsync("/undian/JKP");
        var draw = await app.QueryAsync(db => db.BallotDraws.SingleAsync());
        Assert.Contains(draw.Commitment, open, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"public-entries\">3<", open, StringComparison.Ordinal);
        AssertNothingPersonal(open);
        var before = await client.GetStringAsync("/undian/JKP/2026-12-15.json");
        Assert.Contains("\"seed\": null", before, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var done = Assert.Single(await app.Get<BallotStore>().DrawDueAsync(app.Clock.GetUtcNow(), Actor.System, default));
        Assert.Equal((3, 2, 2), (done.Entrants, done.Places, done.Winners));
        while (await app.Get<OutboxSender>().SendDueAsync(default) > 0)
        {
        }

        var bodies = _twilio.Requests.Select(r => r.Form["Body"].ToString()).ToList();
        Assert.Equal(2, bodies.Count(b => b.Contains("TERPILIH", StringComparison.Ordinal) && b.Contains("Kode booking: *JKP-", StringComparison.Ordinal)));
        var notDrawn = Assert.Single(bodies, b => b.Contains("belum terpilih", StringComparison.Ordinal));
        // After the draw, CEK tells each entrant the result and rank: the one not drawn included.
        var loser = await app.QueryAsync(db => db.BallotEntries.SingleAsync(e => e.Result == DrawResult.NotDrawn));
        Assert.Contains($"kode undian *{loser.EntryCode}* belum terpilih (urutan 3 dari 3 pendaftar)", await app.SendAsync(loser.Phone, "CEK", to: Jakarta), StringComparison.Ordinal);
        var winner = await app.QueryAsync(db => db.BallotEntries.FirstAsync(e => e.Result == DrawResult.Won));
        var won = await app.SendAsync(winner.Phone, "CEK", to: Jakarta);
        Assert.Contains($"kode undian *{winner.EntryCode}* TERPILIH (urutan {winner.Rank} dari 3 pendaftar)", won, StringComparison.Ordinal);
        Assert.Contains("*JKP-", won, StringComparison.Ordinal);
        Assert.Contains("bobot Anda 2", notDrawn, StringComparison.Ordinal);
        // It promises only what frees a place: a staff void, offered in draw order (a BATAL cancels nothing).
        Assert.Contains("Jika petugas membatalkan tempat seorang pemenang", notDrawn, StringComparison.Ordinal);
        Assert.DoesNotContain("Jika ada tempat yang dibatalkan", notDrawn, StringComparison.Ordinal);
        Assert.Contains("Pendaftaran berikutnya dibuka Rabu, 2 Desember 2026 pukul 09.00 WIB", notDrawn, StringComparison.Ordinal);
        Assert.All(await app.QueryAsync(db => db.Outbox.ToListAsync()), o => Assert.Equal(OutboxStatus.Sent, o.Status));

        var drawn = await client.GetStringAsync("/undian/JKP");
        var seed = (await app.QueryAsync(db => db.BallotDraws.SingleAsync())).Seed!;
        Assert.Contains(seed, drawn, StringComparison.Ordinal);
        AssertNothingPersonal(drawn);
        var json = await client.GetStringAsync("/undian/JKP/2026-12-15.json");
        AssertNothingPersonal(json);
        var file = Path.Combine(Path.GetTempPath(), $"draw-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        using var output = new StringWriter();
        Assert.Equal(0, await BallotCommand.RunAsync(["ballot", "verify", "--file", file], output));
        File.Delete(file);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/undian/JKP/2026-12-16.json")).StatusCode);

        // A winner's number turns out to be a scalper's: the place goes to the one not drawn, who takes it with YA.
        var entries = await app.QueryAsync(db => db.BallotEntries.AsNoTracking().ToListAsync());
        var calo = entries.First(e => e.Result == DrawResult.Won);
        var waiting = entries.Single(e => e.Result == DrawResult.NotDrawn);
        var number = PhoneNumber.Parse(calo.Phone);
        await app.Get<IPhoneRegistry>().FlagAsync(number, FlagReason.Officer, "calo", Actor.Staff("petugas"), default);
        await app.Get<IPhoneRegistry>().BlacklistAsync(number, "calo", Actor.Staff("spv"), default);
        var code = (await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == calo.BookingId))).Code;
        Assert.Equal(VoidResult.VoidedAndOffered, await app.Get<BallotStore>().VoidAsync("JKP", code, "terbukti calo", Actor.Staff("spv"), app.Clock.GetUtcNow(), default));
        while (await app.Get<OutboxSender>().SendDueAsync(default) > 0)
        {
        }

        Assert.Contains(_twilio.Requests, r => r.Form["To"] == "whatsapp:" + waiting.Phone && r.Form["Body"].ToString().Contains("Balas *YA*", StringComparison.Ordinal));
        Assert.Contains("Tidak ada tawaran", await app.SendAsync(calo.Phone, "YA", to: Jakarta), StringComparison.Ordinal);
        Assert.Contains("Kode booking: *JKP-", await app.SendAsync(waiting.Phone, "YA", to: Jakarta), StringComparison.Ordinal);
    }

    private static void AssertNothingPersonal(string text)
    {
        foreach (var (phone, name, birth) in Entrants)
        {
            foreach (var personal in new[] { phone, phone.TrimStart('+'), "0" + phone[3..], name, birth, $"{birth[4..]}-{birth[2..4]}-{birth[..2]}" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    public sealed class OnSqlite() : BallotWebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BallotWebhookTests(DatabaseProvider.Postgres);
}
