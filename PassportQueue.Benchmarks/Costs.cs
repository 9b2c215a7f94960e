using System.Globalization;
using PassportQueue.Web.Data;

namespace PassportQueue.Benchmarks;

/// <summary>
/// What a load run cost, from snapshots before and after it: CPU time of the nodes, of the
/// PostgreSQL server's processes and of the load generator (from <c>/proc</c>), WAL bytes and commits
/// (from the server's own statistics), the round trips the nodes' write path sent and how its bulk
/// runs went (from each node's <c>/metrics</c>), and the server connections in use at the end.
/// </summary>
internal static class Costs
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>One moment's counters.</summary>
    internal sealed record Snapshot(
        double NodeCpu, double ServerCpu, double LoadCpu, long? WalBytes, long? Commits, double RoundTrips, double Together, double Alone, double Undone, int? Connections,
        double EngineMs, double EngineCount, double BatchMs, double Batches, double BatchUnits);

    public static async Task<Snapshot> TakeAsync(IReadOnlyList<AppProcess> nodes, string? postgres)
    {
        var nodeCpu = nodes.Sum(n => CpuSeconds(n.ProcessId));
        var serverCpu = postgres is null ? 0 : ServerCpuSeconds();
        var loadCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        long? wal = null, commits = null;
        int? connections = null;
        if (postgres is not null)
        {
            await using var db = new Npgsql.NpgsqlConnection(postgres);
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = """
                SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                       (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                       (SELECT count(*)::integer FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())
                """;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            (wal, commits, connections) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));
        }

        double roundTrips = 0, together = 0, alone = 0, undone = 0, engineMs = 0, engineCount = 0, batchMs = 0, batches = 0, units = 0;
        using var http = new HttpClient();
        foreach (var node in nodes)
        {
            var text = await http.GetStringAsync(new Uri(node.BaseUrl + "/metrics"));
            roundTrips += Sum(text, "pq_db_round_trips_total", null);
            together += Sum(text, "pq_write_batch_bulk_total", "result=\"together\"");
            alone += Sum(text, "pq_write_batch_bulk_total", "result=\"alone\"");
            undone += Sum(text, "pq_write_batch_bulk_total", "result=\"undone\"");
            engineMs += Sum(text, "pq_message_duration_milliseconds_sum", null);
            engineCount += Sum(text, "pq_message_duration_milliseconds_count", null);
            batchMs += Sum(text, "pq_write_batch_duration_milliseconds_sum", null);
            batches += Sum(text, "pq_write_batch_duration_milliseconds_count", null);
            units += Sum(text, "pq_write_batch_size_sum", null);
        }

        return new Snapshot(nodeCpu, serverCpu, loadCpu, wal, commits, roundTrips, together, alone, undone, connections, engineMs, engineCount, batchMs, batches, units);
    }

    /// <summary>The costs per message between two snapshots, as lines for the report.</summary>
    public static IEnumerable<string> Report(Snapshot before, Snapshot after, int messages, double seconds)
    {
        var n = Math.Max(1, messages);
        string Us(double s) => (s * 1e6 / n).ToString("N0", CultureInfo.InvariantCulture);
        yield return $"CPU per message: node {Us(after.NodeCpu - before.NodeCpu)} µs, server {Us(after.ServerCpu - before.ServerCpu)} µs, load generator {Us(after.LoadCpu - before.LoadCpu)} µs "
            + $"(cores busy: node {(after.NodeCpu - before.NodeCpu) / seconds:N2}, server {(after.ServerCpu - before.ServerCpu) / seconds:N2}, load {(after.LoadCpu - before.LoadCpu) / seconds:N2})";
        yield return $"Round trips per message (write path): {(after.RoundTrips - before.RoundTrips) / n:N2}";
        var batches = Math.Max(1, after.Batches - before.Batches);
        yield return $"In the node: {(after.EngineMs - before.EngineMs) / Math.Max(1, after.EngineCount - before.EngineCount):N1} ms per message in the engine (mean); "
            + $"{batches:N0} write batches of {(after.BatchUnits - before.BatchUnits) / batches:N1} units, {(after.BatchMs - before.BatchMs) / batches:N2} ms each (mean)";
        if (after.WalBytes is { } wal && before.WalBytes is { } walBefore)
        {
            yield return $"WAL per message: {(wal - walBefore) / (double)n:N0} bytes; server commits per message: {(after.Commits - before.Commits) / (double)n:N3}; connections at the end: {after.Connections}";
        }

        var bulk = (after.Together - before.Together) + (after.Alone - before.Alone) + (after.Undone - before.Undone);
        if (bulk > 0)
        {
            yield return $"Bulk runs: {after.Together - before.Together:N0} answered together, {after.Alone - before.Alone:N0} left to run alone, {after.Undone - before.Undone:N0} in bulk runs undone";
        }
    }

    private static double Sum(string metrics, string name, string? label) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (label is null || l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces, in parentheses): utime is the 12th, stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    }

    /// <summary>CPU time of every process named postgres on this machine (the server, its backends and its background workers).</summary>
    private static double ServerCpuSeconds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(name => name.All(char.IsAsciiDigit))
            .Where(pid => ReadOrEmpty($"/proc/{pid}/comm").Trim() == "postgres")
            .Sum(pid => CpuSeconds(int.Parse(pid, CultureInfo.InvariantCulture)));

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
