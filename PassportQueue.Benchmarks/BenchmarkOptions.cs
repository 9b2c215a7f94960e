using System.Globalization;

namespace PassportQueue.Benchmarks;

/// <summary>
/// Command line: <c>[load|crash] --bookings N --concurrency C --raw-commits R --seconds S --preload P --rounds K --folder DIR --keep
/// --provider Sqlite|Postgres --postgres CONNECTION --nodes N --from FILE --mix bookings|release|offices --rings on|off</c>
/// (<c>on</c>: the ring scan every 10 s during the run; <c>off</c>: no ring scan; without it the app's default, every 60 s).
/// </summary>
internal sealed record BenchmarkOptions(
    string Mode, int Bookings, int Concurrency, int RawCommits, int Seconds, int Preload, int Rounds, string Folder, bool KeepFolder,
    string Provider, string PostgresServer, int Nodes, string? From, string Mix, string Rings)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "engine";
        var folder = Value("--folder") ?? Path.Combine(Path.GetTempPath(), "pq-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BenchmarkOptions(
            mode,
            Number("--bookings", 50_000),
            Number("--concurrency", mode == "engine" ? 256 : 64),
            Number("--raw-commits", 3_000),
            Number("--seconds", 60),
            Number("--preload", 0),
            Number("--rounds", 10),
            folder,
            args.Contains("--keep"),
            Value("--provider") ?? "Sqlite",
            Value("--postgres") ?? PostgresTarget.DefaultServer,
            Number("--nodes", 1),
            Value("--from"),
            Value("--mix") ?? "bookings",
            Value("--rings") ?? "default");
    }
}
