using Microsoft.AspNetCore.DataProtection;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Web.Hosting;
using PassportQueue.Web.Data;
using PassportQueue.Web.Operations;

namespace PassportQueue.Benchmarks;

/// <summary>
/// Durable bookings through the whole engine (parse, plan, rules, place, code, audit, outcome)
/// into a SQLite file, from many concurrent senders, each with its own person and number.
/// </summary>
internal static class EngineBookings
{
    /// <summary>A Tuesday morning in Bogor, so the window and the day are the same on every run.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public static async Task<Result> MeasureAsync(string folder, int bookings, int concurrency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:PassportQueue"] = "Data Source=engine.db",
            // Nothing is kept: a fresh pseudonym key for the run.
            ["Retention:PseudonymKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Offices:BGR:Name"] = "Kantor Imigrasi Kelas I Bogor",
            ["Offices:BGR:WhatsAppNumbers:0"] = "+62 811-1100-333",
            ["Offices:BGR:SlotsPerDay"] = "20",
            ["Offices:BGR:PlacesPerSlot"] = "5000",
            ["Offices:BGR:DailyQuota"] = "100000",
            ["Offices:BGR:PriorityQuota"] = "0",
            ["Offices:BGR:Documents:0"] = "e-KTP asli",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPassportQueueData(configuration, folder)
            .AddDataProtection().SetApplicationName("PassportQueue").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys"))).Services
            .AddSingleton<TimeProvider>(new FixedTime(Now))
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseSetup>().RunAsync(CancellationToken.None);
        var engine = services.GetRequiredService<BookingEngine>();

        // Warm up code paths and the connection before the clock starts.
        await engine.HandleAsync(Message(-1), CancellationToken.None);

        var latencies = new double[bookings];
        var confirmed = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bookings)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await engine.HandleAsync(Message(i), CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result.Outcome is BookingConfirmed)
                {
                    Interlocked.Increment(ref confirmed);
                }
            }
        }));
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed;
        SqliteConnection.ClearAllPools();
        Array.Sort(latencies);
        return new Result(bookings, confirmed, bookings / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
    }

    private static InboundMessage Message(int i)
    {
        var n = i + 1_000_000;
        var name = new string([.. Enumerable.Range(0, 5).Select(k => (char)('A' + (n / (int)Math.Pow(26, k) % 26)))]);
        return new InboundMessage($"SMbench{i}", $"whatsapp:+62812{n + 10_000_000:D8}", "whatsapp:+628111100333", $"#PEMOHON {name}#01011990#02122026");
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    internal sealed record Result(int Count, int Confirmed, double PerSecond, double P50, double P95, double P99);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
