using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data.Stores;

namespace PassportQueue.Web.WhatsApp;

/// <summary>
/// The outbox's state changes. A sender leases due messages with a conditional update, so two
/// nodes never hold the same message at once, and a node that dies loses its lease.
/// The lease's conditions are repeated outside the subquery: under PostgreSQL's read committed,
/// a node that waited for another's lease re-checks them on the row as committed and skips it.
/// </summary>
public sealed class OutboxStore(WriteBatcher writes, Database database)
{
    /// <summary>Leases up to <paramref name="max"/> due messages for <paramref name="node"/> until <paramref name="until"/>.</summary>
    public Task<List<DueMessage>> LeaseDueAsync(string node, DateTime now, DateTime until, int max, CancellationToken ct) =>
        writes.RunAsync(
            s => s.List(
                """
                UPDATE "Outbox" SET "LeaseUntilUtc" = @until, "LeasedBy" = @node
                WHERE "Id" IN (
                    SELECT "Id" FROM "Outbox"
                    WHERE "Status" = 0 AND "DueAtUtc" <= @now AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < @now)
                    ORDER BY "DueAtUtc" LIMIT @max)
                  AND "Status" = 0 AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < @now)
                RETURNING "Id", "Kind", "BookingId", "OfficeId", "Phone", "Attempts"
                """,
                r => new DueMessage(r.GetInt64(0), (OutboxKind)r.GetInt32(1), r.GetInt64(2), r.GetInt32(3), r.GetString(4), r.GetInt32(5)),
                ("@until", until), ("@node", node), ("@now", now), ("@max", max)),
            ct);

    /// <summary>The booking a message is about.</summary>
    public Task<BookingView?> BookingAsync(long bookingId, CancellationToken ct) =>
        database.ReadAsync(s => s.Row(BookingRows.Select + """ WHERE b."Id" = @id""", BookingRows.Map, ("@id", bookingId)), ct);

    /// <summary>When the applicant last wrote to us: WhatsApp allows free text for 24 hours after.</summary>
    public Task<DateTime?> LastInboundAsync(string phone, CancellationToken ct) =>
        database.ReadAsync(
            s => s.Row("""SELECT MAX("ReceivedAtUtc") FROM "Messages" WHERE "Phone" = @p""", r => r.IsDBNull(0) ? (DateTime?)null : DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), ("@p", phone)),
            ct);

    public Task FinishAsync(long id, string node, OutboxStatus status, string? body, string? contentSid, string? twilioSid, string? error, DateTime now, CancellationToken ct) =>
        writes.RunAsync(
            s => s.Execute(
                """
                UPDATE "Outbox" SET "Status" = @status, "Body" = @body, "ContentSid" = @content, "TwilioSid" = @sid, "LastError" = @error,
                    "SentAtUtc" = CASE WHEN @status = 1 THEN @now ELSE NULL END, "Attempts" = "Attempts" + 1, "LeaseUntilUtc" = NULL
                WHERE "Id" = @id AND "LeasedBy" = @node AND "Status" = 0
                """,
                ("@status", status), ("@body", body), ("@content", contentSid), ("@sid", twilioSid), ("@error", Truncate(error)), ("@now", now),
                ("@id", id), ("@node", node)),
            ct);

    public Task RetryAsync(long id, string node, string error, DateTime dueAt, CancellationToken ct) =>
        writes.RunAsync(
            s => s.Execute(
                """
                UPDATE "Outbox" SET "Attempts" = "Attempts" + 1, "LastError" = @error, "DueAtUtc" = @due, "LeaseUntilUtc" = NULL
                WHERE "Id" = @id AND "LeasedBy" = @node AND "Status" = 0
                """,
                ("@error", Truncate(error)), ("@due", dueAt), ("@id", id), ("@node", node)),
            ct);

    /// <summary>Records a delivery status unless a later one is already recorded. Returns whether it was recorded.</summary>
    public Task<bool> RecordDeliveryAsync(string twilioSid, string status, int rank, string? errorCode, DateTime now, CancellationToken ct) =>
        writes.RunAsync(
            s => s.Execute(
                """
                UPDATE "Outbox" SET "DeliveryStatus" = @status, "DeliveryRank" = @rank, "DeliveryErrorCode" = @error, "DeliveryUpdatedAtUtc" = @now
                WHERE "TwilioSid" = @sid AND "DeliveryRank" < @rank
                """,
                ("@status", status), ("@rank", rank), ("@error", errorCode), ("@now", now), ("@sid", twilioSid)) == 1,
            ct);

    /// <summary>Queues tomorrow's reminders for an office's booked applicants; a reminder already queued stays as it is.</summary>
    public Task<int> QueueRemindersAsync(int officeId, DateOnly date, DateTime now, CancellationToken ct) =>
        writes.RunAsync(
            s => s.Execute(
                """
                INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
                SELECT @kind, b."Id", b."OfficeId", b."Phone", @now, @now, 0, 0, 0 FROM "Bookings" b
                WHERE b."OfficeId" = @office AND b."Date" = @date AND b."State" = 0
                ON CONFLICT ("BookingId", "Kind") DO NOTHING
                """,
                ("@kind", OutboxKind.Reminder), ("@now", now), ("@office", officeId), ("@date", date)),
            ct);

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] : text;
}

/// <summary>A leased outbox message.</summary>
public sealed record DueMessage(long Id, OutboxKind Kind, long BookingId, int OfficeId, string Phone, int Attempts);
