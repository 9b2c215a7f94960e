using System.Net;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Channel.Twilio;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>Applicants as allies (<c>LAPOR</c>, <c>KODE</c>) and the confirmation's QR code, through the signed webhook.</summary>
public abstract partial class ApplicantAllyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Budi = "+6281234500001";
    private const string Reporter = "+6281234500009";

    private AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(provider: provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task LaporStoresTheReportWithTheReportersNumberOnceAndThanksInIndonesian()
    {
        var reply = await _app.SendAsync(Reporter, "lapor  Ada yang jual kode antrean Rp300.000 #calo di 0812-9999-0000", sid: "SM-lapor");
        var again = await _app.SendAsync(Reporter, "lapor  Ada yang jual kode antrean Rp300.000 #calo di 0812-9999-0000", sid: "SM-lapor");

        Assert.Contains("Terima kasih. Laporan Anda sudah kami terima dengan nomor laporan L-", reply, StringComparison.Ordinal);
        Assert.Equal(reply, again);
        var report = await _app.QueryAsync(db => db.ScalperReports.SingleAsync());
        Assert.Equal((Reporter, "Ada yang jual kode antrean Rp300.000 #calo di 0812-9999-0000"), (report.ReporterPhone, report.Text));
        Assert.Contains($"L-{report.Id}", reply, StringComparison.Ordinal);

        var empty = await _app.SendAsync(Reporter, "LAPOR");
        Assert.Contains("kirim LAPOR diikuti isi laporan", empty, StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.ScalperReports.CountAsync()));
    }

    [SkippableFact]
    public async Task KodeTellsWhetherACodeIsGenuineWithoutPersonalData()
    {
        var booked = await _app.SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var code = CodeIn(booked);

        var genuine = await _app.SendAsync(Reporter, $"KODE {code.ToLowerInvariant()}");
        var unknown = await _app.SendAsync(Reporter, "KODE BGR-7K3M9QX2");
        var notACode = await _app.SendAsync(Reporter, "kode saya 123");

        Assert.Contains($"Kode {code} ASLI dan masih berlaku: untuk Kantor Imigrasi Kelas I Bogor pada", genuine, StringComparison.Ordinal);
        Assert.Contains("kode booking hanya berlaku untuk orang dan nomor WhatsApp yang mendaftarkannya", genuine, StringComparison.Ordinal);
        Assert.Contains("kode yang dibeli dari orang lain akan DITOLAK", genuine, StringComparison.Ordinal);
        Assert.DoesNotContain("BUDI", genuine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1987", genuine, StringComparison.Ordinal);
        Assert.DoesNotContain("4500001", genuine, StringComparison.Ordinal);
        Assert.Contains("Kode BGR-7K3M9QX2 TIDAK TERDAFTAR", unknown, StringComparison.Ordinal);
        Assert.Contains("bukan kode booking", notACode, StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task KodeOnACheckedInCodeSaysItWasUsedTodayAtTheCounter()
    {
        var code = CodeIn(await _app.SendAsync(Budi, "#Budi Santoso#25011987#02122026"));
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(CounterStatus.Done, (await _app.Get<CounterDesk>().CheckInAsync(code, null, Actor.Staff("petugas"), default)).Status);

        var copy = await _app.SendAsync(Reporter, $"KODE {code}");

        Assert.Contains($"Kode {code} asli (untuk Kantor Imigrasi Kelas I Bogor pada", copy, StringComparison.Ordinal);
        Assert.Contains("SUDAH DIPAKAI hari ini: pemiliknya sudah check-in di loket", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("masih berlaku", copy, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheConfirmationCarriesAnUnguessableExpiringQrCodeOfTheBookingCode()
    {
        var response = await _app.PostAsync(AppFactory.Message(Budi, "#Budi Santoso#25011987#02122026"));
        var xml = await response.Content.ReadAsStringAsync();
        var image = TwiML.MediaOf(xml);
        var code = CodeIn(TwiML.ReplyOf(xml));

        Assert.NotNull(image);
        Assert.StartsWith("http://localhost/qr/", image, StringComparison.Ordinal);
        Assert.DoesNotContain(code, image, StringComparison.Ordinal);
        var client = _app.CreateClient();
        using var png = await client.GetAsync(new Uri(image).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.True(bitmap.Width >= 100, "A QR code big enough to scan.");

        var token = new Uri(image).AbsolutePath["/qr/".Length..];
        using var forged = await client.GetAsync(new Uri($"/qr/{token[..^8]}AAAA.png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("not found or expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A day after the code's check-in deadline the address no longer works.
        _app.Clock.Advance(TimeSpan.FromDays(3));
        using var expired = await client.GetAsync(new Uri(image).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);

        // Refusals and commands carry no image.
        var refused = await _app.PostAsync(AppFactory.Message(Budi, "CEK"));
        Assert.Null(TwiML.MediaOf(await refused.Content.ReadAsStringAsync()));
    }

    private static string CodeIn(string reply) => BookingCodePattern().Match(reply).Value;

    [GeneratedRegex("BGR-[0-9A-Z]{8}")]
    private static partial Regex BookingCodePattern();

    public sealed class OnSqlite() : ApplicantAllyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ApplicantAllyTests(DatabaseProvider.Postgres);
}
