using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Rings;

namespace PassportQueue.Tests.Web.Rings;

/// <summary>Rings found from what comes through the signed webhook, and one decision for a whole ring.</summary>
public abstract class RingWebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Batam = "+6282288862017";
    private const string Mother = "+6281377700001";
    private static readonly string[] Ring = ["+6281300000101", "+6281300000102", "+6281300000103", "+6281300000104"];

    private LoopbackServer _media = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _media = await LoopbackServer.StartAsync((app, _) =>
        {
            app.MapGet("/Media/card.png", () => Results.Bytes(TestPhotos.Card, "image/png"));
            app.MapGet("/Media/card-forwarded.jpg", () => Results.Bytes(TestPhotos.CardForwarded, "image/jpeg"));
            app.MapGet("/Media/other.png", () => Results.Bytes(TestPhotos.OtherCard, "image/png"));
        });
        _app = new AppFactory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
            ["Twilio:MediaHosts:0"] = _media.Authority,
        }, provider: provider);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _media.DisposeAsync();
    }

    [SkippableFact]
    public async Task ARingSharingAPhotoAndAnAddressIsFoundAsOneRingAndAFamilyIsNot()
    {
        await BookRingAndFamilyAsync();

        var changed = await _app.Get<RingDetector>().ScanAsync(default);
        var rings = await _app.Get<RingQueries>().OpenRingsAsync(null, default);

        var ring = Assert.Single(rings);
        Assert.True(changed >= 3);
        Assert.Equal(Ring, ring.Numbers);
        Assert.Equal(4, ring.Nodes.Count(n => n.Kind == NodeKind.Identity));
        Assert.Equal(
            [SignalKind.SamePhoto, SignalKind.SameAddress, SignalKind.NumberSeries],
            ring.Signals.Select(s => s.Kind).Distinct().Order());
        var photo = ring.Signals.Single(s => s.Kind == SignalKind.SamePhoto);
        Assert.Equal(Ring, photo.Evidence.Lines.Select(l => l.Phone));
        Assert.All(photo.Evidence.Lines, l => Assert.StartsWith("BTM-", l.Code, StringComparison.Ordinal));
        Assert.Single(ring.Nodes, n => n.Kind == NodeKind.Address);
        Assert.DoesNotContain(Mother, ring.Numbers);
        Assert.Empty(await _app.Get<RingQueries>().SignalsOfNumberAsync(Mother, default));
        Assert.Equal(3, (await _app.Get<RingQueries>().SignalsOfNumberAsync(Ring[0], default)).Count);

        // Scanning again finds the same signals: nothing new, nothing twice.
        Assert.Equal(0, await _app.Get<RingDetector>().ScanAsync(default));
        Assert.Equal(3, await _app.QueryAsync(db => db.RingSignals.CountAsync()));
    }

    [SkippableFact]
    public async Task OneDecisionBlacklistsTheWholeRingAuditedPerNumberAndItsNumbersGetNoCode()
    {
        await BookRingAndFamilyAsync();
        await _app.Get<RingDetector>().ScanAsync(default);
        var ring = Assert.Single(await _app.Get<RingQueries>().OpenRingsAsync(null, default));
        var decisions = _app.Get<RingDecisions>();

        Assert.Equal(RingDecisionStatus.ReasonRequired, await decisions.DecideAsync(ring.Id, RingDecision.Blacklist, ring.Numbers, " ", Actor.Staff("sup"), null, default));
        Assert.Equal(RingDecisionStatus.NotOpen, await decisions.DecideAsync(ring.Id, RingDecision.Blacklist, ring.Numbers, "foto sama", Actor.Staff("sup"), "BGR", default));
        Assert.Equal(
            RingDecisionStatus.Done,
            await decisions.DecideAsync(ring.Id, RingDecision.Blacklist, [.. ring.Numbers.Take(3), Mother], "satu foto untuk empat orang", Actor.Staff("sup"), "BTM", default));
        Assert.Equal(RingDecisionStatus.NotOpen, await decisions.DecideAsync(ring.Id, RingDecision.Clear, [], "lagi", Actor.Staff("sup"), null, default));

        var standings = await _app.QueryAsync(db => db.Phones.Where(p => Ring.Contains(p.Number) || p.Number == Mother).ToDictionaryAsync(p => p.Number, p => p.Standing));
        Assert.Equal([PhoneStanding.Blacklisted, PhoneStanding.Blacklisted, PhoneStanding.Blacklisted, PhoneStanding.Clear], Ring.Select(n => standings[n]));
        Assert.Equal(PhoneStanding.Clear, standings[Mother]);
        var audit = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Blacklisted || a.Action == AuditAction.RingCleared)
            .OrderBy(a => a.Phone).Select(a => new { a.Phone, a.Action, a.Actor, a.Reason }).ToListAsync());
        Assert.Equal(Ring, audit.Select(a => a.Phone));
        Assert.Equal([AuditAction.Blacklisted, AuditAction.Blacklisted, AuditAction.Blacklisted, AuditAction.RingCleared], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("staff:sup", a.Actor));
        Assert.Equal(
            $"keputusan jaringan #{ring.Id}: blokir. Alasan: satu foto untuk empat orang",
            PassportQueue.Tests.Web.TextsTests.InIndonesian(l => PassportQueue.Web.Components.Common.AuditText.Reason(l, audit[0].Reason)));
        Assert.Empty(await _app.Get<RingQueries>().OpenRingsAsync(null, default));
        Assert.True((await _app.Get<RingQueries>().RingOfAsync(ring.Id, null, default))!.Decided);

        var again = await Send(Ring[0], "#Eko Prasetyo#01011991#Jl. Melati No. 5 RT 03/RW 05, Batam", "other.png");
        Assert.Contains("tidak dapat digunakan untuk pendaftaran", again, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ADecidedRingReopensOnlyForANumberItsDecisionDidNotCover()
    {
        await BookRingAndFamilyAsync();
        await _app.Get<RingDetector>().ScanAsync(default);
        var ring = Assert.Single(await _app.Get<RingQueries>().OpenRingsAsync(null, default));
        Assert.Equal(
            RingDecisionStatus.Done,
            await _app.Get<RingDecisions>().DecideAsync(ring.Id, RingDecision.Blacklist, ring.Numbers, "satu foto untuk empat orang", Actor.Staff("sup"), null, default));

        // A blocked number of the ring tries again with the same photo under another name: evidence, not a new question.
        Assert.Contains("tidak dapat digunakan", await Send(Ring[0], "#Eko Prasetyo#01011991#Jl. Melati No. 5 RT 03/RW 05, Batam", "card.png"), StringComparison.Ordinal);
        await _app.Get<RingDetector>().ScanAsync(default);
        Assert.Empty(await _app.Get<RingQueries>().OpenRingsAsync(null, default));
        Assert.True((await _app.Get<RingQueries>().RingOfAsync(ring.Id, null, default))!.Decided);

        // A number the decision did not cover joins with the same photo: the ring is for a supervisor to decide again.
        Assert.Contains("BERHASIL", await Send("+6281277700099", "#Fajar Nugroho#05051990#Jl. Melati No. 5 RT 03/RW 05, Batam", "card.png"), StringComparison.Ordinal);
        await _app.Get<RingDetector>().ScanAsync(default);
        Assert.Contains("+6281277700099", Assert.Single(await _app.Get<RingQueries>().OpenRingsAsync(null, default)).Numbers);
    }

    private async Task BookRingAndFamilyAsync()
    {
        string[] names = ["Andi Wijaya", "Bayu Saputra", "Candra Kirana", "Dedi Kurniawan"];
        string[] addresses = ["Jl. Melati No. 5, RT 03/RW 05, Batam", "JLN MELATI NO 005 RT003 RW005 BATAM", "Jalan Melati Nomor 5 RT 3 RW 5 Batam", "jl melati no.5 rt 03 rw 05 batam"];
        for (var i = 0; i < Ring.Length; i++)
        {
            var reply = await Send(Ring[i], $"#{names[i]}#0{i + 1}0{i + 1}1990#{addresses[i]}", i % 2 == 0 ? "card.png" : "card-forwarded.jpg");
            Assert.Contains("BERHASIL", reply, StringComparison.Ordinal);
        }

        // One mother, her balita and her own mother, from her number, each with her e-KTP photo and the family's address.
        foreach (var person in new[] { "#Sari Dewi#12041985#Jl. Sudirman 10, Batam", "#Putri Dewi#01032023#Jl. Sudirman 10, Batam", "#Sukarni#02021950#Jl. Sudirman 10, Batam" })
        {
            Assert.Contains("BERHASIL", await Send(Mother, person, "other.png"), StringComparison.Ordinal);
        }
    }

    private Task<string> Send(string from, string body, string photo) =>
        _app.SendAsync(from, body, to: Batam, extra: new Dictionary<string, string>
        {
            ["NumMedia"] = "1",
            ["MediaUrl0"] = $"{_media.BaseUrl}/Media/{photo}",
            ["MediaContentType0"] = photo.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg",
        });

    public sealed class OnSqlite() : RingWebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RingWebhookTests(DatabaseProvider.Postgres);
}
