namespace PassportQueue.Benchmarks;

/// <summary>The engine benchmark: durable bookings per second beside the raw SQLite durable commit rate.</summary>
internal static class EngineRun
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"PassportQueue engine benchmark: {options.Bookings:N0} bookings, {options.Concurrency} concurrent senders, {Environment.ProcessorCount} cores");
        var raw = await RawSqliteCommits.MeasureAsync(options.Folder, options.RawCommits);
        Console.WriteLine($"Raw SQLite durable commits (WAL, synchronous=FULL, one insert each): {raw.PerSecond:N0}/s over {raw.Count:N0} commits");
        var engine = await EngineBookings.MeasureAsync(options.Folder, options.Bookings, options.Concurrency);
        Console.WriteLine($"Engine durable bookings: {engine.PerSecond:N0}/s over {engine.Count:N0} bookings ({engine.Confirmed:N0} confirmed)");
        Console.WriteLine($"Latency per booking: p50 {engine.P50:N1} ms, p95 {engine.P95:N1} ms, p99 {engine.P99:N1} ms");
        Console.WriteLine($"Engine / raw commit rate: {engine.PerSecond / raw.PerSecond:N2}x");
        Console.WriteLine($"Check: {(engine.Confirmed == engine.Count ? "every booking confirmed and stored" : "SOME BOOKINGS FAILED")}");
        return engine.Confirmed == engine.Count ? 0 : 1;
    }
}
