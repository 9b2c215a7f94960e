using System.Collections.Concurrent;
using System.Diagnostics;
using PassportQueue.Web.Components;

namespace PassportQueue.Benchmarks;

/// <summary>
/// Signed webhooks from many concurrent senders into the real app (Release, own process, on a
/// SQLite file or a fresh PostgreSQL database with one or more nodes), for a fixed time; then the
/// figures and the invariants. The HTTP ceiling (an empty endpoint) and the storage ceiling (raw
/// durable commits) are measured in the same run.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var (folder, seconds, concurrency, preload) = (options.Folder, options.Seconds, options.Concurrency, options.Preload);
        var postgres = options.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? PostgresTarget.CreateDatabase(options.PostgresServer) : null;
        if (postgres is null && options.Nodes > 1)
        {
            throw new ArgumentException("Several nodes need --provider Postgres: a SQLite file belongs to one machine.");
        }

        if (postgres is not null && preload > 0)
        {
            throw new ArgumentException("--preload is for the SQLite file.");
        }

        Console.WriteLine($"Load test: {seconds} s, {concurrency} concurrent senders, {options.Provider} with {options.Nodes} node(s), mix '{options.Mix}', {preload:N0} bookings preloaded, {Environment.ProcessorCount} cores");
        if (postgres is null)
        {
            var raw = await RawSqliteCommits.MeasureAsync(folder, 2_000);
            Console.WriteLine($"Storage ceiling: {raw.PerSecond:N0} raw durable SQLite commits/s");
        }
        else
        {
            Console.WriteLine($"Storage ceiling: {await PostgresTarget.RawCommitsPerSecondAsync(postgres, 2_000):N0} raw durable PostgreSQL commits/s (one connection)");
        }

        if (options.From is { } from)
        {
            // A copy of a database kept from an earlier run (its WAL too), so that runs on the same
            // stored data can alternate with runs on an empty one without preloading each time.
            File.Copy(from, Path.Combine(folder, "app.db"));
            if (File.Exists(from + "-wal"))
            {
                File.Copy(from + "-wal", Path.Combine(folder, "app.db-wal"));
            }

            Console.WriteLine($"Started from a copy of {from}");
        }

        if (preload > 0)
        {
            var lookup = await Preload.RunAsync(folder, preload, AppProcess.Capacity);
            Console.WriteLine($"Preloaded {preload:N0} bookings in {lookup.Seconds:N0} s; counter code lookup p50 {lookup.P50:N2} ms, p99 {lookup.P99:N2} ms over {lookup.Count:N0} lookups");
        }

        // The first node migrates and seeds; the others start once it has.
        var settings = LoadMix.Settings(options.Mix).Concat(options.Rings switch
        {
            "on" => new Dictionary<string, string> { ["Rings__ScanEverySeconds"] = "10" },
            "off" => new Dictionary<string, string> { ["Rings__Enabled"] = "false" },
            _ => [],
        }).ToDictionary();
        var nodes = new List<AppProcess> { await AppProcess.StartAsync(folder, settings, postgres) };
        for (var n = 1; n < options.Nodes; n++)
        {
            nodes.Add(await AppProcess.StartAsync(folder, settings, postgres));
        }

        try
        {
            var clients = nodes.Select(node => new WebhookClient(node.BaseUrl, concurrency)).ToList();
            var ceiling = await MeasureAsync(concurrency, TimeSpan.FromSeconds(10), async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await clients[0].Http.GetAsync(new Uri(nodes[0].BaseUrl + "/healthz"));
                return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (string?)null);
            });
            Console.WriteLine($"HTTP ceiling (GET /healthz, one node): {ceiling.PerSecond:N0} req/s, p99 {ceiling.P99:N1} ms");

            var dates = nodes[0].OpenDates("BGR");
            // On a copied database, applicants the earlier run already booked would be refused: start past them.
            var population = options.From is null ? 0 : LoadMessage.CopiedRunOffset;
            var mix = new LoadMix(options.Mix, Guid.NewGuid().ToString("N")[..6], dates, population);
            var kinds = new ConcurrentDictionary<(MixKind Kind, bool Right), int>();
            var next = -1;
            var before = await Costs.TakeAsync(nodes, postgres);
            var load = await MeasureAsync(concurrency, TimeSpan.FromSeconds(seconds), async () =>
            {
                // Round robin over the nodes, as a load balancer would.
                var i = Interlocked.Increment(ref next);
                var sent = mix.Next(i);
                var reply = await clients[i % clients.Count].SendAsync(sent.Message, forged: sent.Kind == MixKind.Forged);
                var right = mix.Check(sent, reply);
                kinds.AddOrUpdate((sent.Kind, right), 1, (_, n) => n + 1);
                return (right, reply.Milliseconds, sent.Kind == MixKind.Booking ? reply.Code : null);
            });
            Console.WriteLine($"Messages: {load.PerSecond:N0}/s over {load.Count:N0} ({load.Succeeded:N0} answered as expected, {load.Count - load.Succeeded:N0} not); {load.Codes.Count:N0} booked");
            Console.WriteLine("By kind: " + string.Join(", ", kinds.OrderBy(k => k.Key.Kind).Select(k => $"{k.Key.Kind} {(k.Key.Right ? "right" : "WRONG")} {k.Value:N0}")));
            Console.WriteLine($"Latency: p50 {load.P50:N1} ms, p95 {load.P95:N1} ms, p99 {load.P99:N1} ms");
            Console.WriteLine($"App peak memory (VmHWM): {string.Join(", ", nodes.Select(node => $"{node.PeakMemoryMb():N0} MB"))}");
            foreach (var line in Costs.Report(before, await Costs.TakeAsync(nodes, postgres), load.Count, seconds))
            {
                Console.WriteLine(line);
            }

            clients.ForEach(c => c.Dispose());

            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            var problems = Invariants.Check(nodes[0].OpenDatabase(), load.Codes);
            Console.WriteLine(problems.Count == 0 ? "Invariants: all hold (quota, places per slot, unique codes, one active booking per person, one outcome per message, every replied code stored)" : "INVARIANTS BROKEN: " + string.Join("; ", problems));
            return problems.Count == 0 && load.Succeeded == load.Count ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="send"/> from <paramref name="concurrency"/> loops for <paramref name="duration"/>, or <paramref name="limit"/> times if that comes first.</summary>
    public static async Task<Measured> MeasureAsync(int concurrency, TimeSpan duration, Func<Task<(bool Ok, double Ms, string? Code)>> send, int limit = int.MaxValue)
    {
        var started = 0;
        var latencies = new ConcurrentBag<double>();
        var codes = new ConcurrentBag<string>();
        var ok = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) <= limit)
            {
                var (success, ms, code) = await send();
                latencies.Add(ms);
                if (success)
                {
                    Interlocked.Increment(ref ok);
                }

                if (code is not null)
                {
                    codes.Add(code);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Measured(sorted.Length, ok, sorted.Length / elapsed, Percentile(0.5), Percentile(0.95), Percentile(0.99), [.. codes]);
    }
}

/// <summary>What a measured loop did.</summary>
internal sealed record Measured(int Count, int Succeeded, double PerSecond, double P50, double P95, double P99, IReadOnlyList<string> Codes);
