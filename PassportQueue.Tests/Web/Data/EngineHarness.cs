using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Hosting;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Operations;

namespace PassportQueue.Tests.Web.Data;

/// <summary>
/// The engine wired as the app wires it, on a real SQLite file in a fresh folder or a fresh
/// database on a real PostgreSQL server, with a fake clock. Offices come from configuration
/// exactly as in appsettings.json.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly IDictionary<string, string?> _values;

    private EngineHarness(ServiceProvider services, string folder, bool ownsFolder, IDictionary<string, string?> values, FakeTimeProvider clock)
    {
        Provider = Enum.Parse<DatabaseProvider>(values["Database:Provider"]!);
        _services = services;
        _folder = folder;
        _ownsFolder = ownsFolder;
        _values = values;
        Clock = clock;
    }

    /// <summary>Every harness's pseudonym key (base64 of 32 bytes): a test's nodes agree on it.</summary>
    public const string PseudonymKey = "cHEtdGVzdC1wc2V1ZG9ueW0ta2V5LTAxMjM0NTY3ODk=";

    public FakeTimeProvider Clock { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>The database's connection string as the app is given it.</summary>
    public string ConnectionString => _values["ConnectionStrings:PassportQueue"]!;

    public string DatabasePath => Path.Combine(_folder, "test.db");

    public BookingEngine Engine => Get<BookingEngine>();

    public CounterDesk Counter => Get<CounterDesk>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static Task<EngineHarness> StartAsync(params OfficeSettings[] offices) => StartAsync(DatabaseProvider.Sqlite, offices);

    public static Task<EngineHarness> StartAsync(DatabaseProvider provider, params OfficeSettings[] offices) =>
        StartAsync(provider, new Dictionary<string, string?>(), offices);

    public static Task<EngineHarness> StartAsync(IDictionary<string, string?> settings, params OfficeSettings[] offices) =>
        StartAsync(DatabaseProvider.Sqlite, settings, offices);

    public static async Task<EngineHarness> StartAsync(DatabaseProvider provider, IDictionary<string, string?> settings, params OfficeSettings[] offices)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pq-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:PassportQueue"] = provider == DatabaseProvider.Postgres ? TestPostgres.CreateDatabase() : "Data Source=test.db",
            [PassportQueue.Web.Operations.PseudonymKey.Setting] = PseudonymKey,
        };
        foreach (var office in offices.Length == 0 ? [Builders.Settings()] : offices)
        {
            foreach (var (key, value) in OfficeConfig(office))
            {
                values[$"Offices:{office.Code}:{key}"] = value;
            }
        }

        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return await StartOnAsync(folder, ownsFolder: true, values);
    }

    /// <summary>A second, independent node (its own connections and write queue) on the same database file.</summary>
    public Task<EngineHarness> SecondNodeAsync(IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>(_values);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return StartOnAsync(_folder, ownsFolder: false, values);
    }

    /// <summary>
    /// A node on a PostgreSQL database that others already use (it is left as it is on dispose),
    /// with its own clock: for arranging data as it would be at another time.
    /// </summary>
    public static Task<EngineHarness> JoinAsync(string connectionString, DateTimeOffset now) =>
        StartOnAsync(
            Path.Combine(Path.GetTempPath(), "pq-tests", "joined"),
            ownsFolder: false,
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
                ["ConnectionStrings:PassportQueue"] = connectionString,
                [PassportQueue.Web.Operations.PseudonymKey.Setting] = PseudonymKey,
            },
            now);

    private static async Task<EngineHarness> StartOnAsync(string folder, bool ownsFolder, IDictionary<string, string?> values, DateTimeOffset? now = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(now ?? Builders.Now);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPassportQueueData(configuration, folder)
            // Draw seeds are kept encrypted; a second node shares the first one's keys, as deployed nodes do.
            .AddDataProtection().SetApplicationName("PassportQueue").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys"))).Services
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider();
        var harness = new EngineHarness(services, folder, ownsFolder, values, clock);
        await services.GetRequiredService<DatabaseSetup>().RunAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Sends a WhatsApp message from a number to an office number; a fresh message id unless one is given.</summary>
    public async Task<MessageOutcome> SendAsync(string from, string body, string to = "+62 811-1100-333", bool photo = false, string? messageId = null)
    {
        var id = messageId ?? $"SM{Guid.NewGuid():N}";
        return (await Engine.HandleAsync(new InboundMessage(id, from, to, body, photo), CancellationToken.None)).Outcome;
    }

    public async Task<BookingView> BookAsync(string from, string body, string to = "+62 811-1100-333", bool photo = false) =>
        Assert.IsType<BookingConfirmed>(await SendAsync(from, body, to, photo)).Booking;

    public async Task<T> QueryAsync<T>(Func<PassportQueueDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<PassportQueueDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            if (Provider == DatabaseProvider.Postgres)
            {
                TestPostgres.DropDatabase(ConnectionString);
            }
        }
    }

    private static IEnumerable<(string Key, string? Value)> OfficeConfig(OfficeSettings s)
    {
        yield return ("Name", s.Name);
        yield return ("TimeZoneId", s.TimeZoneId);
        yield return ("MessageFormat", s.MessageFormat.ToString());
        yield return ("IntakeOpens", s.IntakeOpens?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("IntakeCloses", s.IntakeCloses?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("FirstSlot", s.FirstSlot.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Allocation", s.Allocation.ToString());
        yield return ("ReleaseTime", s.ReleaseTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("EntryMinutes", s.EntryMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in new (string, int)[]
        {
            ("SlotMinutes", s.SlotMinutes), ("SlotsPerDay", s.SlotsPerDay), ("PlacesPerSlot", s.PlacesPerSlot), ("DailyQuota", s.DailyQuota),
            ("PriorityQuota", s.PriorityQuota), ("WindowStartDays", s.WindowStartDays), ("WindowEndDays", s.WindowEndDays),
            ("ArriveMinutesBefore", s.ArriveMinutesBefore),
        })
        {
            yield return (key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < s.WhatsAppNumbers.Length; i++)
        {
            yield return ($"WhatsAppNumbers:{i}", s.WhatsAppNumbers[i]);
        }

        for (var i = 0; i < s.ClosedDates.Length; i++)
        {
            yield return ($"ClosedDates:{i}", s.ClosedDates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < s.Documents.Length; i++)
        {
            yield return ($"Documents:{i}", s.Documents[i]);
        }

        for (var i = 0; i < s.WorkingDays.Length; i++)
        {
            yield return ($"WorkingDays:{i}", s.WorkingDays[i].ToString());
        }
    }
}
