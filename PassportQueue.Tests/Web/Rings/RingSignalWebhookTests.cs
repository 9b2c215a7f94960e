using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Rings;

namespace PassportQueue.Tests.Web.Rings;

/// <summary>The signals that need no photo or address, each found from messages through the signed webhook (Bogor's format).</summary>
public abstract class RingSignalWebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Parent = "+6281234567001";
    private AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(provider: provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task ANumberThatKeepsRegisteringDependantsPastItsCapIsASignal()
    {
        await Book(Parent, "#Hendra Gunawan#01011985#03122026");
        foreach (var child in new[] { "#Anak Satu#01012023#03122026", "#Anak Dua#02022023#03122026", "#Anak Tiga#03032023#03122026" })
        {
            await Book(Parent, child);
        }

        Assert.Empty(await ScanAsync());
        foreach (var child in new[] { "#Anak Empat#04042023#03122026", "#Anak Lima#05052023#03122026" })
        {
            Assert.Contains("batas maksimum", await _app.SendAsync(Parent, child), StringComparison.Ordinal);
        }

        var signal = Assert.Single(await ScanAsync());
        Assert.Equal(SignalKind.DependantsAtCap, signal.Kind);
        Assert.Equal(["3", "2", "2"], signal.Evidence.Figures);
        Assert.Contains(signal.Evidence.Lines, l => l.Name == "ANAK LIMA" && l.Code is null);
    }

    [SkippableFact]
    public async Task DependantsWhoseAgesSitAtTheLimitsAreASignalAndOrdinaryOnesAreNot()
    {
        await Book(Parent, "#Hendra Gunawan#01011985#03122026");
        await Book(Parent, "#Balita Biasa#01012024#03122026");
        Assert.Empty(await ScanAsync());

        // Five on 20 December, sixty since 20 November: both just inside their limit on 3 December.
        await Book(Parent, "#Hampir Lima#20122021#03122026");
        await Book(Parent, "#Baru Enampuluh#20111966#03122026");

        var signal = Assert.Single(await ScanAsync());
        Assert.Equal(SignalKind.DependantAgesAtLimits, signal.Kind);
        Assert.Equal(["HAMPIR LIMA", "BARU ENAMPULUH"], signal.Evidence.Lines.Select(l => l.Name));
    }

    [SkippableFact]
    public async Task ABurstOfOneMessageNumbersRightAfterTheReleaseIsOneSignal()
    {
        // Bogor takes bookings at any hour: its places go at midnight WIB (17:00 UTC).
        var release = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);
        _app.Clock.SetUtcNow(release.AddSeconds(5));
        for (var i = 0; i < 11; i++)
        {
            await Book($"+628129{i * 37 % 100:D2}00{i:D3}", $"#Cepat {Builders.Letters(i)}#0{i % 9 + 1}011990#03122026");
            _app.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        // Eleven new numbers within a minute; one of them also asks for the documents: a person, not a script.
        await _app.SendAsync("+6281290000000", "SYARAT");

        var signal = Assert.Single(await ScanAsync(), s => s.Kind == SignalKind.ReleaseBurst);
        Assert.Equal(["2026-12-01T17:00:00", "10", "60"], signal.Evidence.Figures);
        Assert.DoesNotContain(signal.Evidence.Lines, l => l.Phone == "+6281290000000");
    }

    [SkippableFact]
    public async Task ANumberWhoseBookingsAreForfeitedFarAboveTheOfficesAverageIsASignal()
    {
        await Book(Parent, "#Hendra Gunawan#01011985#02122026");
        await Book(Parent, "#Anak Satu#01012023#02122026");
        await Book(Parent, "#Nenek Satu#01011950#02122026");
        var others = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            others.Add(await Book($"+62812345680{i:D2}", $"#Datang {Builders.Letters(i)}#01011991#02122026"));
        }

        // 07:00 WIB on the day the seven come; the parent's three never do.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var counter = _app.Get<CounterDesk>();
        foreach (var code in others)
        {
            Assert.Equal(CounterStatus.Done, (await counter.CheckInAsync(code, "BGR", Actor.Staff("petugas"), default)).Status);
        }

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, await counter.ForfeitLateAsync(null, Actor.System, default));

        var signal = Assert.Single(await ScanAsync(), s => s.Kind == SignalKind.NoShowRate);
        Assert.Equal(["3", "3", "100", "30"], signal.Evidence.Figures);
        Assert.Contains(new RingEdge(RingNode.Number(Parent), RingNode.Number(Parent)), signal.Edges);
    }

    private async Task<string> Book(string from, string body)
    {
        var reply = await _app.SendAsync(from, body);
        Assert.Contains("BERHASIL", reply, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Match(reply, "BGR-[0-9A-Z]{8}").Value;
    }

    private async Task<IReadOnlyList<SignalView>> ScanAsync()
    {
        await _app.Get<RingDetector>().ScanAsync(default);
        return [.. (await _app.Get<RingQueries>().OpenRingsAsync(null, default)).SelectMany(r => r.Signals)];
    }

    public sealed class OnSqlite() : RingSignalWebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RingSignalWebhookTests(DatabaseProvider.Postgres);
}
