using PassportQueue.Core.Phones;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Offices;

namespace PassportQueue.Tests.Web.Nodes;

/// <summary>
/// Two whole app instances (each with its own services, caches, change relay and write queue) on
/// one PostgreSQL database and one key folder: what one node changes or stores, the other sees.
/// </summary>
public sealed class SharedStateTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private AppFactory? _first;
    private AppFactory? _second;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task SettingsEditedOnOneNodeReachTheOtherNodesOfficeCacheAtOnce()
    {
        var (a, b) = StartTwoNodes();
        var bogor = (await b.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        Assert.Equal(100, bogor.Settings.DailyQuota);
        var heard = Heard(b, ChangeKind.Settings, "BGR");

        var errors = await a.Get<OfficeSettingsEditor>().SaveAsync("BGR", bogor.Settings with { DailyQuota = 40 }, Actor.Staff("spv@bgr.test"), default);

        Assert.Empty(errors);
        await heard.WaitAsync(Patience);
        Assert.Equal(40, (await b.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!.Settings.DailyQuota);
    }

    [SkippableFact]
    public async Task ABookingOnOneNodeIsAnnouncedToTheOtherNodesDashboards()
    {
        var (a, b) = StartTwoNodes();
        var heard = Heard(b, ChangeKind.Bookings, "BGR");

        var reply = await a.SendAsync("+6281234500001", "#BUDI SANTOSO#25011987#02122026");

        Assert.Contains("BERHASIL", reply, StringComparison.Ordinal);
        await heard.WaitAsync(Patience);
    }

    [SkippableFact]
    public async Task AnIdPhotoStoredByOneNodeIsReadByTheOther()
    {
        var (a, b) = StartTwoNodes();
        byte[] image = [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x02, 0x03, 0xFF, 0xD9];

        await a.Get<IBookingStore>().RecordAsync(
            new IncomingRecord("SM-photo-shared", 1, PhoneNumber.Parse("+6281234500001"), "#A#B", DateTime.UtcNow, a.Get<IdPhotoStore>().Seal("image/jpeg", image)),
            new BookingRefused(RefusalReason.OutsideIntakeHours, []),
            default);

        var read = await b.Get<IdPhotoStore>().LoadAsync("SM-photo-shared", default);
        Assert.Equal(image, read!.Value.Image);
    }

    private (AppFactory A, AppFactory B) StartTwoNodes()
    {
        _first = new AppFactory(provider: DatabaseProvider.Postgres);
        var database = _first.PostgresDatabase;
        _second = new AppFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:PassportQueue"] = database, ["DataProtection:KeysPath"] = _first.KeysPath },
            provider: DatabaseProvider.Postgres);
        _ = _second.Services;
        return (_first, _second);
    }

    /// <summary>Completes when <paramref name="node"/>'s change feed delivers a matching change.</summary>
    private static Task Heard(AppFactory node, ChangeKind kind, string office)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = node.Get<ChangeFeed>().Subscribe(change =>
        {
            if (change.Kind == kind && change.Concerns(office))
            {
                heard.TrySetResult();
            }
        });
        return heard.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
    }
}
