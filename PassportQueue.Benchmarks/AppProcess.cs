using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PassportQueue.Benchmarks;

/// <summary>
/// The real web app, Release build, started as its own process on a free loopback port with a
/// SQLite file in the run's folder: what a deployment runs, not an in-process test host.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string AuthToken = "load-test-token-not-a-secret";

    private readonly Process _process;
    private bool _disposed;

    private AppProcess(Process process, string baseUrl, string database, string? postgres)
    {
        _process = process;
        BaseUrl = baseUrl;
        DatabasePath = database;
        Postgres = postgres;
    }

    /// <summary>Room for every message of a long run: 20 slots of 5,000 places a day at Bogor and Jakarta Pusat.</summary>
    public static readonly IReadOnlyDictionary<string, string> Capacity = new Dictionary<string, string>
    {
        ["Offices__BGR__SlotsPerDay"] = "20",
        ["Offices__BGR__PlacesPerSlot"] = "5000",
        ["Offices__BGR__DailyQuota"] = "100000",
        ["Offices__BGR__PriorityQuota"] = "0",
        ["Offices__JKP__SlotsPerDay"] = "20",
        ["Offices__JKP__PlacesPerSlot"] = "5000",
        ["Offices__JKP__DailyQuota"] = "100000",
        ["Offices__JKP__PriorityQuota"] = "0",
        ["Offices__JKP__WindowEndDays"] = "60",
    };

    public string BaseUrl { get; }

    public string DatabasePath { get; }

    /// <summary>The PostgreSQL database the node runs on; null for the SQLite file.</summary>
    public string? Postgres { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// The app to run (<c>--app PATH</c>, a built PassportQueue.Web.dll), for driving another version with this load
    /// generator; null for this working tree's Release build.
    /// </summary>
    public static string? AppDll { get; set; }

    /// <summary>
    /// Starts a node on the SQLite file in <paramref name="folder"/>, or on <paramref name="postgres"/>
    /// (a connection string) when given; nodes started with the same folder share its data-protection keys.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string folder, IReadOnlyDictionary<string, string>? extra = null, string? postgres = null)
    {
        var dll = AppDll ?? Path.Combine(RepositoryRoot(), "PassportQueue.Web", "bin", "Release", "net10.0", "PassportQueue.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run 'dotnet build -c Release' first.");
        }

        var port = FreePort();
        var database = Path.Combine(folder, "app.db");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__KeysAtRest"] = "FolderPermissionsOnly";
        start.Environment["ConnectionStrings__PassportQueue"] = postgres ?? $"Data Source={database}";
        if (postgres is not null)
        {
            start.Environment["Database__Provider"] = "Postgres";
        }

        start.Environment["Twilio__AuthToken"] = AuthToken;
        start.Environment["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in Capacity.Concat(extra ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[app] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, $"http://127.0.0.1:{port}", database, postgres);
        await app.WaitHealthyAsync();
        return app;
    }

    /// <summary>The office's open dates in its booking window, as the app's database holds its settings.</summary>
    public List<DateOnly> OpenDates(string office)
    {
        using var db = OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = $"""SELECT "SettingsJson" FROM "Offices" WHERE "Code" = '{office}'""";
        var settings = PassportQueue.Web.Data.OfficeSettingsJson.Read((string)command.ExecuteScalar()!);
        return [.. new PassportQueue.Core.Offices.OfficeCalendar(settings).OpenDatesInWindow(TimeProvider.System.GetUtcNow())];
    }

    /// <summary>An open connection to the node's database, for reading it.</summary>
    public System.Data.Common.DbConnection OpenDatabase() => OpenDatabase(DatabasePath, Postgres);

    /// <summary>An open connection to the SQLite file (read-only) or the PostgreSQL database.</summary>
    public static System.Data.Common.DbConnection OpenDatabase(string databasePath, string? postgres)
    {
        System.Data.Common.DbConnection db = postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(postgres);
        db.Open();
        return db;
    }

    /// <summary>SIGKILL: the process gets no chance to flush or finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Peak resident memory of the app so far (VmHWM), in MB.</summary>
    public double PeakMemoryMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not become healthy within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PassportQueue.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
