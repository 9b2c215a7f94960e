using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PassportQueue.Web.Telemetry;

/// <summary>
/// The service's own measurements (meter and activity source <c>PassportQueue</c>). Tags carry
/// office codes, outcomes and reasons, never a number, name or code.
/// </summary>
public static class PassportQueueMetrics
{
    public const string Name = "PassportQueue";

    private static readonly Meter Meter = new(Name);

    /// <summary>Spans of an incoming message through the engine (exported when an OTLP endpoint is configured).</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("pq.messages", description: "Incoming WhatsApp messages by outcome and office");
    private static readonly Histogram<double> MessageDuration = Meter.CreateHistogram<double>(
        "pq.message.duration", unit: "ms", description: "Time to answer an incoming message, booking included");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("pq.write_batch.size", description: "Units of work in one write-batch transaction");
    private static readonly Histogram<double> BatchCommit = Meter.CreateHistogram<double>(
        "pq.write_batch.duration", unit: "ms", description: "Time to run and commit one write batch");
    private static readonly Counter<long> BulkRequests = Meter.CreateCounter<long>(
        "pq.write_batch.bulk", description: "Requests of bulk runs (PostgreSQL bookings): answered together, left to run alone, or in a bulk run undone");
    private static readonly Counter<long> RoundTrips = Meter.CreateCounter<long>(
        "pq.db.round_trips", description: "Statements or statement batches the write path sent to the database (each one a round trip on PostgreSQL)");
    private static readonly Counter<long> Flags = Meter.CreateCounter<long>("pq.flags", description: "Numbers flagged, by reason");
    private static readonly Counter<long> Blacklistings = Meter.CreateCounter<long>("pq.blacklistings", description: "Numbers blacklisted, by who (system or staff)");
    private static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>("pq.outbox.failures", description: "Outgoing messages that failed or were retried");
    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>("pq.signins", description: "Dashboard sign-in attempts by result");

    private static Func<long?>? _backlog;

    private static readonly ObservableGauge<long> OutboxBacklog = Meter.CreateObservableGauge<long>(
        "pq.outbox.backlog", () => _backlog?.Invoke() is { } value ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(), description: "Outgoing messages waiting to be sent");

    public static void Message(string office, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "office", office }, { "outcome", outcome } };
        Messages.Add(1, tags);
        MessageDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    public static void Batch(int units, TimeSpan elapsed)
    {
        BatchSize.Record(units);
        BatchCommit.Record(elapsed.TotalMilliseconds);
    }

    /// <summary>A bulk run's requests: how many it answered and how many were left to run alone; all of them "undone" when it failed.</summary>
    public static void Bulk(int together, int alone, bool undone)
    {
        if (undone)
        {
            BulkRequests.Add(together + alone, new KeyValuePair<string, object?>("result", "undone"));
            return;
        }

        BulkRequests.Add(together, new KeyValuePair<string, object?>("result", "together"));
        BulkRequests.Add(alone, new KeyValuePair<string, object?>("result", "alone"));
    }

    /// <summary>One statement, or one batch of statements, sent by the write path.</summary>
    public static void RoundTrip() => RoundTrips.Add(1);

    public static void Flagged(string reason) => Flags.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void Blacklisted(bool bySystem) => Blacklistings.Add(1, new KeyValuePair<string, object?>("by", bySystem ? "system" : "staff"));

    public static void OutboxFailed(string result) => OutboxFailures.Add(1, new KeyValuePair<string, object?>("result", result));

    public static void SignIn(string result) => SignIns.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>How the outbox backlog is read when metrics are collected (null: it cannot be read now).</summary>
    public static void Backlog(Func<long?> read) => _backlog = read;
}
