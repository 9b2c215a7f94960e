using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>Batam's format: a photo of the e-KTP, fetched from Twilio's media host only, kept encrypted.</summary>
public abstract class BatamPhotoTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Batam = "+6282288862017";
    private const string Siti = "+6281234500002";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private LoopbackServer _media = null!;
    private LoopbackServer _elsewhere = null!;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _elsewhere = await LoopbackServer.StartAsync((app, _) => app.MapGet("/ktp.jpg", () => Results.Bytes(Jpeg, "image/jpeg")));
        _media = await LoopbackServer.StartAsync((app, self) =>
        {
            app.MapGet("/Media/ktp.jpg", () => Results.Bytes(Jpeg, "image/jpeg"));
            app.MapGet("/Media/big.jpg", () => Results.Bytes(new byte[6 * 1024 * 1024], "image/jpeg"));
            app.MapGet("/Media/doc.pdf", () => Results.Bytes([0x25, 0x50, 0x44, 0x46], "application/pdf"));
            app.MapGet("/Media/away", () => Results.Redirect(_elsewhere.BaseUrl + "/ktp.jpg"));
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
        await _elsewhere.DisposeAsync();
    }

    [SkippableFact]
    public async Task BooksWithAPhotoKeptEncryptedAndShowsItBackToTheOfficer()
    {
        var reply = await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg");

        Assert.Contains("Pendaftaran antrean paspor BERHASIL", reply, StringComparison.Ordinal);
        var booking = await _app.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal("JL. ENGKU PUTRI NO. 1, BATAM CENTRE", booking.Address);
        var stored = await _app.QueryAsync(db => db.IdPhotos.SingleAsync());
        Assert.NotNull(stored.Encrypted);
        Assert.False(stored.Encrypted.AsSpan().IndexOf(Jpeg.AsSpan(0, 10)) >= 0, "The photo is stored encrypted.");
        var shown = await _app.Get<IdPhotoStore>().LoadAsync(booking.MessageId!, default);
        Assert.Equal(Jpeg, shown!.Value.Image);
        Assert.StartsWith("Basic ", _media.Requests.Single().Authorization, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RefusesWithoutAPhoto()
    {
        var reply = await _app.SendAsync(Siti, "#Siti Aminah#17081990#Jl. Engku Putri No. 1, Batam Centre", to: Batam);

        Assert.Contains("wajib disertai SATU FOTO e-KTP", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("/Media/big.jpg", "image/jpeg")]
    [InlineData("/Media/doc.pdf", "application/pdf")]
    [InlineData("/Media/doc.pdf", "image/jpeg")]
    public async Task RefusesAPhotoThatIsTooLargeOrNotAnImage(string path, string declared)
    {
        var reply = await SendWithMedia(_media.BaseUrl + path, declared);

        Assert.Contains("wajib disertai SATU FOTO e-KTP", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.IdPhotos.CountAsync()));
    }

    [SkippableFact]
    public async Task NeverFetchesMediaFromAnyOtherHost()
    {
        var direct = await SendWithMedia(_elsewhere.BaseUrl + "/ktp.jpg", "image/jpeg");
        var redirected = await SendWithMedia(_media.BaseUrl + "/Media/away", "image/jpeg");

        Assert.Contains("wajib disertai SATU FOTO e-KTP", direct, StringComparison.Ordinal);
        Assert.Contains("wajib disertai SATU FOTO e-KTP", redirected, StringComparison.Ordinal);
        Assert.Empty(_elsewhere.Requests);
    }

    [SkippableFact]
    public async Task AnswersOutsideIntakeHoursWithTheHoursAndBooksNothing()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));

        var reply = await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg");

        Assert.Contains("hanya dilayani pukul 07.30 WIB–10.00 WIB", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task DeletesThePhotoAfterTheRetentionPeriodOnceTheBookingHasEnded()
    {
        await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg");
        var photos = _app.Get<IdPhotoStore>();

        _app.Clock.Advance(TimeSpan.FromDays(40));
        var whileBooked = await photos.DeleteExpiredAsync(30, default);
        await _app.Get<PassportQueue.Core.Bookings.CounterDesk>().ForfeitLateAsync(null, PassportQueue.Core.Audit.Actor.System, default);
        _app.Clock.Advance(TimeSpan.FromDays(31));
        var afterEnd = await photos.DeleteExpiredAsync(30, default);

        Assert.Equal((0, 1), (whileBooked, afterEnd));
        var stored = await _app.QueryAsync(db => db.IdPhotos.SingleAsync());
        Assert.Null(stored.Encrypted);
        Assert.NotNull(stored.DeletedAtUtc);
    }

    [SkippableFact]
    public async Task RefusesAMessageIdLongerThanItsColumnBeforeFetchingOrWritingAnything()
    {
        var reply = await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg", sid: "SM" + new string('a', 70));

        Assert.Contains("Pesan Anda tidak dapat diproses", reply, StringComparison.Ordinal);
        Assert.Empty(_media.Requests);
        Assert.Equal(0, await _app.QueryAsync(db => db.IdPhotos.CountAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task StoresThePhotoOfARefusedMessageWithThatMessage()
    {
        await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg", sid: "SM-first");
        var again = await SendWithMedia(_media.BaseUrl + "/Media/ktp.jpg", "image/jpeg", sid: "SM-second");

        Assert.Contains("sudah memiliki kode booking aktif", again, StringComparison.Ordinal);
        var photos = await _app.QueryAsync(db => db.IdPhotos.OrderBy(p => p.ReceivedAtUtc).Select(p => p.MessageId).ToListAsync());
        Assert.Equal(["SM-first", "SM-second"], photos);
        Assert.Equal(2, await _app.QueryAsync(db => db.Messages.CountAsync(m => photos.Contains(m.MessageId))));
    }

    private Task<string> SendWithMedia(string url, string type, string? sid = null) =>
        _app.SendAsync(Siti, "#Siti Aminah#17081990#Jl. Engku Putri No. 1, Batam Centre", to: Batam, sid: sid, extra: new Dictionary<string, string>
        {
            ["NumMedia"] = "1",
            ["MediaUrl0"] = url,
            ["MediaContentType0"] = type,
        });

    public sealed class OnSqlite() : BatamPhotoTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BatamPhotoTests(DatabaseProvider.Postgres);
}
