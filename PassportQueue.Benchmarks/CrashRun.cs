using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PassportQueue.Benchmarks;

/// <summary>
/// Kills the app with SIGKILL in the middle of a burst and restarts it, round after round. Every
/// code the app sent in a reply must be in the database, no booking may be half-written, no quota
/// exceeded, and Twilio's retries of the interrupted messages must get the outcome they would have.
/// </summary>
internal static class CrashRun
{
    public static async Task<int> RunAsync(string folder, int rounds)
    {
        Console.WriteLine($"Crash test: {rounds} rounds of a burst from 32 senders, SIGKILL mid-burst, restart, Twilio-style retries");
        var replied = new ConcurrentDictionary<string, Reply>(StringComparer.Ordinal);
        var failures = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var sent = new ConcurrentDictionary<string, LoadMessage>(StringComparer.Ordinal);
            var interrupted = new ConcurrentBag<LoadMessage>();
            List<DateOnly> dates;
            await using (var app = await AppProcess.StartAsync(folder))
            {
                dates = app.OpenDates("BGR");
                using var client = new WebhookClient(app.BaseUrl, 32);
                var next = -1;
                using var stop = new CancellationTokenSource();
                var senders = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var message = LoadMessage.For($"c{round:D2}", Interlocked.Increment(ref next), dates, offset: round * 1_000_000);
                        sent[message.Sid] = message;
                        try
                        {
                            var reply = await client.SendAsync(message);
                            if (reply.Status == 200)
                            {
                                replied[message.Sid] = reply;
                            }
                            else
                            {
                                interrupted.Add(message);
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                        {
                            interrupted.Add(message);
                            return;
                        }
                    }
                })).ToList();
                await Task.Delay(Random.Shared.Next(400, 1500));
                app.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(senders);
            }

            var committedUnanswered = CommittedAmong(Path.Combine(folder, "app.db"), interrupted.Select(m => m.Sid));
            var retriedAlike = 0;
            await using (var app = await AppProcess.StartAsync(folder))
            {
                using var client = new WebhookClient(app.BaseUrl, 8);
                foreach (var message in interrupted)
                {
                    var reply = await client.SendAsync(message);
                    if (reply.Status != 200)
                    {
                        failures++;
                        Console.WriteLine($"  retry of {message.Sid} got HTTP {reply.Status}");
                        continue;
                    }

                    replied[message.Sid] = reply;
                }

                // Retries of messages that were answered before the crash must get the very same answer.
                foreach (var (sid, first) in replied.Where(r => r.Key.StartsWith($"SMc{round:D2}", StringComparison.Ordinal)).Take(200).ToList())
                {
                    var again = await client.SendAsync(sent[sid]);
                    if (again.Text != first.Text)
                    {
                        failures++;
                        Console.WriteLine($"  {sid} answered differently after the restart");
                    }
                    else
                    {
                        retriedAlike++;
                    }
                }
            }

            var problems = Invariants.Check(Path.Combine(folder, "app.db"), [.. replied.Values.Select(r => r.Code).OfType<string>()]);
            failures += problems.Count;
            Console.WriteLine(
                $"Round {round,2}: {sent.Count,5} sent, {sent.Count - interrupted.Count,5} answered before the kill, {interrupted.Count,3} interrupted " +
                $"({committedUnanswered} of them already committed), {retriedAlike} answered retries identical; " +
                (problems.Count == 0 ? "invariants hold" : "BROKEN: " + string.Join("; ", problems)));
        }

        Console.WriteLine(failures == 0 ? $"All {rounds} rounds: nothing acknowledged was lost, nothing half-written, retries answered alike." : $"{failures} failures");
        return failures == 0 ? 0 : 1;
    }

    private static int CommittedAmong(string database, IEnumerable<string> sids)
    {
        using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "Messages" WHERE "MessageId" = $sid""";
        var parameter = command.Parameters.Add("$sid", SqliteType.Text);
        var count = 0;
        foreach (var sid in sids)
        {
            parameter.Value = sid;
            count += (int)(long)command.ExecuteScalar()!;
        }

        return count;
    }
}
