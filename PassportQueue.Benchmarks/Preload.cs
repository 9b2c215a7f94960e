using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Web.Data;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Counters;
using PassportQueue.Web.Operations;

namespace PassportQueue.Benchmarks;

/// <summary>
/// Fills the app's database with bookings at Jakarta Pusat through the engine (the same code the
/// webhook runs), before the app starts, and then times counter code lookups on it.
/// </summary>
internal static class Preload
{
    public static async Task<(double Seconds, int Count, double P50, double P99)> RunAsync(string folder, int bookings, IReadOnlyDictionary<string, string> overrides)
    {
        // The preload pseudonymises nothing; the app under test keeps its own key beside its data-protection keys.
        await using var services = AppData.Open(folder, overrides, new Dictionary<string, string?>
        {
            ["Retention:PseudonymKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        await services.GetRequiredService<DatabaseSetup>().RunAsync(CancellationToken.None);
        var engine = services.GetRequiredService<BookingEngine>();
        var office = (await services.GetRequiredService<OfficeDirectory>().FindByCodeAsync("JKP", CancellationToken.None))!;
        var dates = office.Calendar.OpenDatesInWindow(TimeProvider.System.GetUtcNow());

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 256).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bookings)
            {
                var m = LoadMessage.For("pre", i, dates, "+6281299004406", LoadMessage.PreloadOffset);
                var result = await engine.HandleAsync(new InboundMessage(m.Sid, m.From, m.To, m.Body), CancellationToken.None);
                if (result.Outcome is not BookingConfirmed)
                {
                    throw new InvalidOperationException($"Preload message {i} was not booked: {result.Outcome}");
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;

        var codes = new List<string>();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(folder, "app.db")};Mode=ReadOnly"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = """SELECT "Code" FROM "Bookings" ORDER BY RANDOM() LIMIT 2000""";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                codes.Add(reader.GetString(0));
            }
        }

        var desk = services.GetRequiredService<CounterDesk>();
        var details = new CounterQueries(
            services.GetRequiredService<IDbContextFactory<PassportQueueDbContext>>(),
            new IdPhotoStore(services.GetRequiredService<IDbContextFactory<PassportQueueDbContext>>(), new EphemeralDataProtectionProvider(), TimeProvider.System));
        var times = new List<double>();
        foreach (var code in codes)
        {
            var started = Stopwatch.GetTimestamp();
            var found = await desk.LookUpAsync(code.ToLowerInvariant(), "JKP", CancellationToken.None);
            _ = await details.DetailsAsync(found.Booking!, "JKP", CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        SqliteConnection.ClearAllPools();
        return (seconds, times.Count, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.99) - 1]);
    }
}
