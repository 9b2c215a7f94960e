using PassportQueue.Benchmarks;

// Modes:
//   (default)  durable bookings per second through the engine, beside raw SQLite commits
//   load       signed webhooks into the real app process; throughput, latency, memory, invariants
//   crash      SIGKILL the app mid-burst and restart it, ten times; nothing acknowledged is lost
//   release    a ballot's release moment: --bookings N entries for one day into the real app, then its draw
// See docs/PERFORMANCE.md and docs/RELIABILITY.md.
var options = BenchmarkOptions.Parse(args);
// --app PATH: another version's built app, driven by this load generator (an A/B comparison in one session).
AppProcess.AppDll = args.SkipWhile(a => a != "--app").Skip(1).FirstOrDefault() is { } app ? Path.GetFullPath(app) : null;
try
{
    return options.Mode switch
    {
        "load" => await LoadRun.RunAsync(options),
        "crash" => await CrashRun.RunAsync(options.Folder, options.Rounds),
        "release" => await ReleaseRun.RunAsync(options),
        _ => await EngineRun.RunAsync(options),
    };
}
finally
{
    if (!options.KeepFolder)
    {
        Directory.Delete(options.Folder, recursive: true);
    }
}
