using System.Net;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;
using PassportQueue.Tests.Web.Channel.Twilio;

namespace PassportQueue.Tests.Web.Channel;

public abstract class WhatsAppWebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Budi = "+6281234500001";
    private readonly AppFactory _app = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public void SignsExactlyAsTwiliosDocumentedExample()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+12349013030",
            ["Digits"] = "1234",
            ["From"] = "+12349013030",
            ["To"] = "+18005551212",
        };

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSigner.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form));
    }

    [SkippableFact]
    public async Task BooksAndAnswersInIndonesianWithEverythingTheApplicantNeeds()
    {
        var reply = await _app.SendAsync(Budi, "#Budi Santoso#25011987#02122026");

        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        Assert.Contains($"Kode booking: *{code}*", reply, StringComparison.Ordinal);
        Assert.Contains("Kantor Imigrasi Kelas I Bogor", reply, StringComparison.Ordinal);
        Assert.Contains("Rabu, 2 Desember 2026", reply, StringComparison.Ordinal);
        Assert.Contains("Jam layanan: 08.00 WIB", reply, StringComparison.Ordinal);
        Assert.Contains("Datang paling lambat: 07.30 WIB", reply, StringComparison.Ordinal);
        Assert.Contains("1. e-KTP asli", reply, StringComparison.Ordinal);
        Assert.True(reply.Length < ReplyWriter.MaxLength);
    }

    [SkippableTheory]
    [InlineData("SYARAT", "Dokumen yang harus dibawa ke Kantor Imigrasi Kelas I Bogor")]
    [InlineData("bantuan", "Daftar: #NAMA#TGLLAHIR#TGLKEDATANGAN")]
    [InlineData("halo min", "Perintah: CEK")]
    [InlineData("BATAL", "tidak dapat dibatalkan")]
    [InlineData("HILANG", "tidak untuk paspor hilang atau rusak")]
    [InlineData("Rusak", "tidak untuk paspor hilang atau rusak")]
    [InlineData("CEK", "Tidak ada pendaftaran aktif")]
    [InlineData("#BUDI#25011987", "pesan harus berisi 3 bagian yang dipisah tanda #, pesan Anda berisi 2")]
    [InlineData("#BUDI#31021987#02122026", "tanggal lahir tidak ada di kalender")]
    [InlineData("#BUDI#25011987#besok", "tanggal kedatangan harus ditulis HHBBTTTT, misalnya 02122026")]
    [InlineData("#BUDI#25011987#05122026", "Kantor tidak melayani pada tanggal tersebut")]
    [InlineData("#BUDI#25011987#01122026", "Tanggal kedatangan paling cepat adalah Rabu, 2 Desember 2026")]
    [InlineData("#BUDI#25011987#20122026", "hanya dapat dipilih sampai 14 hari ke depan")]
    public async Task AnswersEveryCommandAndRefusalWithItsOwnText(string body, string expected)
    {
        var reply = await _app.SendAsync(Budi, body);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task SuggestsTheNextDatesWithPlacesWhenTheDateCannotBeBooked()
    {
        var reply = await _app.SendAsync(Budi, "#BUDI#25011987#05122026");

        Assert.Contains("Senin, 7 Desember 2026 (07122026)", reply, StringComparison.Ordinal);
        Assert.Contains("Format", await _app.SendAsync(Budi, "#BUDI"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListsTheNumbersActiveBookingsOnCek()
    {
        await _app.SendAsync(Budi, "#BUDI#25011987#02122026");

        var reply = await _app.SendAsync(Budi, "cek");

        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        Assert.Contains($"*{code}* – BUDI, Rabu, 2 Desember 2026 pukul 08.00 WIB", reply, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RefusesASecondAdultFromTheSameNumberAndABlacklistedNumber()
    {
        await _app.SendAsync(Budi, "#BUDI#25011987#02122026");

        var other = await _app.SendAsync(Budi, "#JOKO#01011980#03122026");
        await _app.Get<IPhoneRegistry>().BlacklistAsync(PhoneNumber.Parse(Budi), "calo", Actor.Staff("spv"), default);
        var blacklisted = await _app.SendAsync(Budi, "#ANI#10032023#03122026");

        Assert.Contains("sudah terdaftar atas nama pemohon lain", other, StringComparison.Ordinal);
        Assert.Contains("tidak dapat digunakan untuk pendaftaran", blacklisted, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnswersARetryWithTheSameReplyAndBooksOnce()
    {
        var first = await _app.SendAsync(Budi, "#BUDI#25011987#02122026", sid: "SMretry1");
        var again = await _app.SendAsync(Budi, "#BUDI#25011987#02122026", sid: "SMretry1");

        Assert.Equal(first, again);
        Assert.Equal(1, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task AnswersSimultaneousCopiesOfOneMessageAlikeAndBooksOnce()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _app.SendAsync(Budi, "#BUDI#25011987#02122026", sid: "SMtwin")));

        Assert.Single(replies.Distinct());
        Assert.Contains("Kode booking", replies[0], StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("forged")]
    [InlineData("")]
    public async Task RefusesAForgedOrMissingSignatureAndStoresNothing(string signature)
    {
        var form = AppFactory.Message(Budi, "#BUDI#25011987#02122026");

        using var response = await _app.PostAsync(form, signature: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Twilio-Signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task RefusesASignatureMadeForAnotherUrlOrAnotherBody()
    {
        var form = AppFactory.Message(Budi, "#BUDI#25011987#02122026");
        var forOtherUrl = TwilioSigner.Sign(AppFactory.AuthToken, "https://evil.example/webhooks/twilio/whatsapp", form);
        var forOtherBody = TwilioSigner.Sign(AppFactory.AuthToken, AppFactory.Url, new Dictionary<string, string>(form) { ["Body"] = "CEK" });

        using var a = await _app.PostAsync(form, signature: forOtherUrl);
        using var b = await _app.PostAsync(form, signature: forOtherBody);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (a.StatusCode, b.StatusCode));
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task ChecksTheSignatureOverThePublicUrlBehindAReverseProxy()
    {
        const string publicUrl = "https://antrean.imigrasi.example:8443/webhooks/twilio/whatsapp";
        var form = AppFactory.Message(Budi, "#BUDI#25011987#02122026");

        using var response = await _app.PostAsync(form, signature: TwilioSigner.Sign(AppFactory.AuthToken, publicUrl, form), adjust: r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "antrean.imigrasi.example:8443");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task ChecksTheSignatureOverAConfiguredPublicBaseUrl()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://antrean.imigrasi.example/" }, provider: provider);
        var form = AppFactory.Message(Budi, "CEK");
        var signed = TwilioSigner.Sign(AppFactory.AuthToken, "https://antrean.imigrasi.example/webhooks/twilio/whatsapp", form);

        using var accepted = await app.PostAsync(form, signature: signed);
        using var refused = await app.PostAsync(AppFactory.Message(Budi, "CEK"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (accepted.StatusCode, refused.StatusCode));
    }

    [SkippableFact]
    public async Task BooksNothingForAnUnknownOfficeNumber()
    {
        var reply = await _app.SendAsync(Budi, "#BUDI#25011987#02122026", to: "+628119999999");

        Assert.Contains("tidak melayani pendaftaran", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task RefusesAnOversizedRequestAndStoresNothing()
    {
        var form = AppFactory.Message(Budi, "#" + new string('A', 100_000));

        using var response = await _app.PostAsync(form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task RefusesAFormWithoutTheMessageFields()
    {
        var form = new Dictionary<string, string> { ["Body"] = "CEK" };

        using var response = await _app.PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("/laporan.csv?office=BGR&from=2026-12-01&to=2026-12-14")]
    [InlineData("/audit")]
    public async Task SendsAnonymousVisitorsOfStaffPagesToSignIn(string path)
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ThrottlesAFloodOnceThenStaysSilentAndFlagsTheNumber()
    {
        var replies = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            replies.Add(await _app.SendAsync(Budi, "CEK"));
        }

        Assert.All(replies.Take(8), r => Assert.Contains("Tidak ada pendaftaran aktif", r, StringComparison.Ordinal));
        Assert.Contains("terlalu banyak pesan", replies[8], StringComparison.Ordinal);
        Assert.Equal(["", ""], replies.Skip(9));
        var flag = await _app.QueryAsync(db => db.PhoneFlags.SingleAsync());
        Assert.Equal((Budi, FlagReason.MessageFlood), (flag.Phone, flag.Reason));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Tidak ada pendaftaran aktif", await _app.SendAsync(Budi, "CEK"), StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : WhatsAppWebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WhatsAppWebhookTests(DatabaseProvider.Postgres);
}
