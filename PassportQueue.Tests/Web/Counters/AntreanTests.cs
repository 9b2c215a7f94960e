using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Counters;

namespace PassportQueue.Tests.Web.Counters;

/// <summary><c>ANTREAN</c> through the signed webhook, before, during and after the appointment day.</summary>
public abstract class AntreanTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Budi = "+6281234588001";
    private const string Siti = "+6281234588002";
    private static readonly Actor Officer = Actor.Staff("petugas@bgr");
    private AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(provider: provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task TellsTheQueueNumberHowManyAreAheadAndWhatIsServedThroughTheDay()
    {
        Assert.Contains("Tidak ada pendaftaran aktif dari nomor ini", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);
        await _app.SendAsync(Siti, "#Siti Aminah#17081990#02122026");
        await _app.SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var codes = await _app.QueryAsync(db => db.Bookings.OrderBy(b => b.DayPlace).Select(b => b.Code).ToListAsync());

        var before = await _app.SendAsync(Budi, "antrean");
        Assert.Contains($"Kode {codes[1]}: jadwal Anda", before, StringComparison.Ordinal);
        Assert.Contains("Nomor antrean diberikan saat Anda check-in", before, StringComparison.Ordinal);

        // 07:00 WIB on the day.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("Anda belum check-in", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);

        var counter = _app.Get<CounterDesk>();
        await counter.CheckInAsync(codes[0], "BGR", Officer, default);
        await counter.CheckInAsync(codes[1], "BGR", Officer, default);
        Assert.Contains("Nomor antrean Anda: 2. Di depan Anda: 1 orang. Sedang dilayani: belum ada yang dipanggil.", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);

        var office = (await _app.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var calls = _app.Get<QueueCalls>();
        await calls.CallNextAsync(office, "Loket 1", Officer, default);
        Assert.Contains("Nomor antrean Anda: 2. Di depan Anda: 0 orang. Sedang dilayani: Loket 1: 1.", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);

        await calls.CallNextAsync(office, "Loket 2", Officer, default);
        Assert.Contains("Nomor antrean 2 DIPANGGIL ke Loket 2", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);

        await counter.CompleteAsync(codes[1], "BGR", Officer, default);
        Assert.Contains($"Kode {codes[1]}: selesai.", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);

        // The next day it is over.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("Tidak ada pendaftaran aktif dari nomor ini", await _app.SendAsync(Budi, "ANTREAN"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TellsASkippedApplicantTheyWereSkippedAndToGoToTheDeskWithTheirCode()
    {
        await _app.SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        var code = await _app.QueryAsync(db => db.Bookings.Select(b => b.Code).SingleAsync());
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        await _app.Get<CounterDesk>().CheckInAsync(code, "BGR", Officer, default);
        var office = (await _app.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var calls = _app.Get<QueueCalls>();
        await calls.CallNextAsync(office, "Loket 1", Officer, default);

        await calls.SkipAsync(office, "Loket 1", "tidak datang", Officer, default);

        var reply = await _app.SendAsync(Budi, "ANTREAN");
        Assert.Contains("Nomor antrean 1 sudah dipanggil tetapi DILEWATI", reply, StringComparison.Ordinal);
        Assert.Contains($"Datanglah ke meja informasi dengan kode {code}", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Silakan menuju loket sekarang", reply, StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : AntreanTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AntreanTests(DatabaseProvider.Postgres);
}
