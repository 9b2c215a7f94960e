using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Components;

namespace PassportQueue.Benchmarks;

/// <summary>
/// A ballot's release moment: Jakarta Pusat runs the ballot with 285 places a day (35 of them
/// priority), its day is released now, and <c>--bookings</c> distinct applicants (100,000 by
/// default for this mode; one in ten a balita) write for it through signed webhooks into the real app, as fast as the
/// senders go. Then the app stops and the day is drawn (the same code the ballot job runs), timed,
/// with this process's memory; then the invariants: winners are the places, every winner booked once
/// with a place in order, nobody twice, every entry ranked.
/// </summary>
internal static class ReleaseRun
{
    private const string Jakarta = "+6281299004406";
    private const int Places = 285;

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var entries = options.Bookings == 50_000 ? 100_000 : options.Bookings;
        var folder = options.Folder;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        // The day released now must be a working day: the window's end is moved to the next one.
        var window = Enumerable.Range(14, 7).First(w => local.AddDays(w).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(window);
        var release = TimeOnly.FromDateTime(local.DateTime.AddMinutes(-1));
        var settings = new Dictionary<string, string>
        {
            ["Offices__JKP__Allocation"] = "Ballot",
            ["Offices__JKP__ReleaseTime"] = release.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Offices__JKP__EntryMinutes"] = "60",
            ["Offices__JKP__WindowEndDays"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Offices__JKP__SlotsPerDay"] = "12",
            ["Offices__JKP__PlacesPerSlot"] = "24",
            ["Offices__JKP__DailyQuota"] = Places.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Offices__JKP__PriorityQuota"] = "35",
            // The draw is run by this tool once the senders are done, not by the app's job at the close.
            ["Jobs__Enabled"] = "false",
        };
        Console.WriteLine($"Release run: {entries:N0} entries for Jakarta Pusat on {day:yyyy-MM-dd} ({Places} places), {options.Concurrency} concurrent senders, {Environment.ProcessorCount} cores");
        var raw = await RawSqliteCommits.MeasureAsync(folder, 2_000);
        Console.WriteLine($"Storage ceiling: {raw.PerSecond:N0} raw durable SQLite commits/s");
        var node = await AppProcess.StartAsync(folder, settings);
        Measured load;
        double peakApp;
        try
        {
            using var client = new WebhookClient(node.BaseUrl, options.Concurrency);
            var ceiling = await LoadRun.MeasureAsync(options.Concurrency, TimeSpan.FromSeconds(10), async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.Http.GetAsync(new Uri(node.BaseUrl + "/healthz"));
                return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (string?)null);
            });
            Console.WriteLine($"HTTP ceiling (GET /healthz): {ceiling.PerSecond:N0} req/s, p99 {ceiling.P99:N1} ms");
            var run = Guid.NewGuid().ToString("N")[..6];
            var next = -1;
            load = await LoadRun.MeasureAsync(
                options.Concurrency,
                TimeSpan.FromMinutes(50),
                async () =>
                {
                    var i = Interlocked.Increment(ref next);
                    var message = LoadMessage.For(run, i, [day], Jakarta);
                    // One applicant in ten is a balita, so the priority places have their entrants.
                    var reply = await client.SendAsync(i % 10 == 0 ? message.BornOn(new DateOnly(2025, 1, 1)) : message);
                    var entered = reply.Status == 200 && reply.Text.Contains("Kode undian: *E-", StringComparison.Ordinal);
                    return (entered, reply.Milliseconds, (string?)null);
                },
                entries);
            peakApp = node.PeakMemoryMb();
        }
        finally
        {
            await node.DisposeAsync();
        }

        Console.WriteLine($"Entry messages: {load.PerSecond:N0}/s over {load.Count:N0} ({load.Succeeded:N0} entered, {load.Count - load.Succeeded:N0} not)");
        Console.WriteLine($"Latency: p50 {load.P50:N1} ms, p95 {load.P95:N1} ms, p99 {load.P99:N1} ms");
        Console.WriteLine($"App peak memory (VmHWM): {peakApp:N0} MB");

        var (done, seconds, allocatedMb) = await DrawAsync(folder, settings);
        Console.WriteLine($"Draw: {done.Entrants:N0} entrants, {done.Places} places, {done.Winners} drawn, {done.Booked} booked, in {seconds:N2} s; allocated {allocatedMb:N0} MB, this process's peak memory (VmHWM) {PeakMemoryMb():N0} MB");
        var problems = Check(AppProcess.OpenDatabase(Path.Combine(folder, "app.db"), null), day, done.Entrants);
        Console.WriteLine(problems.Count == 0
            ? "Invariants: all hold (winners = places, each winner booked once in rank order within the quota, one entry per person, every entry ranked, one outcome per message)"
            : "INVARIANTS BROKEN: " + string.Join("; ", problems));
        return problems.Count == 0 && load.Succeeded == load.Count && done.Booked == Places ? 0 : 1;
    }

    /// <summary>Runs the draw as the ballot job does, in this process, on the app's file and keys.</summary>
    private static async Task<(DrawDone Done, double Seconds, double AllocatedMb)> DrawAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        // The app's own pseudonym key, kept beside its keys: the draw's weights are the app's.
        await using var services = AppData.Open(folder, settings, new Dictionary<string, string?> { ["DataProtection:KeysPath"] = Path.Combine(folder, "keys") });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var done = await services.GetRequiredService<BallotStore>().DrawNowAsync("JKP", DateTimeOffset.UtcNow, Actor.System, CancellationToken.None)
            ?? throw new InvalidOperationException("No open draw at Jakarta Pusat.");
        return (done, clock.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
    }

    private static List<string> Check(System.Data.Common.DbConnection db, DateOnly day, int entrants)
    {
        using (db)
        {
            long Scalar(string sql)
            {
                using var command = db.CreateCommand();
                command.CommandText = sql;
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var problems = new List<string>();
            void Expect(string what, long actual, long expected)
            {
                if (actual != expected)
                {
                    problems.Add($"{what}: {actual:N0}, expected {expected:N0}");
                }
            }

            Expect("winners", Scalar("""SELECT COUNT(*) FROM "BallotEntries" WHERE "Result" = 0"""), Places);
            Expect("bookings of the day", Scalar($"""SELECT COUNT(*) FROM "Bookings" WHERE "Date" = '{date}'"""), Places);
            Expect("winners without their booking", Scalar($"""SELECT COUNT(*) FROM "BallotEntries" e WHERE e."Result" = 0 AND NOT EXISTS (SELECT 1 FROM "Bookings" b WHERE b."Id" = e."BookingId" AND b."Date" = '{date}')"""), 0);
            Expect("bookings beyond the quota or a slot", Scalar($"""SELECT COUNT(*) FROM "Bookings" WHERE "Date" = '{date}' AND ("DayPlace" > {Places} OR "SlotIndex" <> ("DayPlace" - 1) / 24)"""), 0);
            Expect("places out of rank order", Scalar($"""
                SELECT COUNT(*) FROM "BallotEntries" a JOIN "Bookings" x ON x."Id" = a."BookingId", "BallotEntries" c JOIN "Bookings" y ON y."Id" = c."BookingId"
                WHERE a."Rank" < c."Rank" AND x."IsPriority" = y."IsPriority" AND x."DayPlace" > y."DayPlace"
                """), 0);
            Expect("entries", Scalar("""SELECT COUNT(*) FROM "BallotEntries" """), entrants);
            Expect("people with two entries", Scalar("""SELECT COUNT(*) FROM (SELECT "PersonKey" FROM "BallotEntries" GROUP BY "DrawId", "PersonKey" HAVING COUNT(*) > 1) t"""), 0);
            Expect("entries without a rank", Scalar("""SELECT COUNT(*) FROM "BallotEntries" WHERE "Rank" IS NULL"""), 0);
            Expect("distinct ranks", Scalar("""SELECT COUNT(DISTINCT "Rank") FROM "BallotEntries" """), entrants);
            Expect("messages without one outcome", Scalar("""SELECT COUNT(*) FROM "Messages" WHERE "Outcome" IS NULL OR "Outcome" = ''"""), 0);
            return problems;
        }
    }

    private static double PeakMemoryMb() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024
            : double.NaN;
}
