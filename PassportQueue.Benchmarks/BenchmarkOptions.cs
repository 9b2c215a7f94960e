using System.Globalization;

namespace PassportQueue.Benchmarks;

/// <summary>Command line: <c>--bookings N --concurrency C --raw-commits R --folder DIR</c>.</summary>
internal sealed record BenchmarkOptions(int Bookings, int Concurrency, int RawCommits, string Folder)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var folder = Value("--folder") ?? Path.Combine(Path.GetTempPath(), "pq-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BenchmarkOptions(Number("--bookings", 50_000), Number("--concurrency", 256), Number("--raw-commits", 3_000), folder);
    }
}
