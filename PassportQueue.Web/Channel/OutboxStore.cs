using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Bookings;
using PassportQueue.Web.Counters;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The outbox's state changes. A sender leases due messages with a conditional update in the write
/// batcher, so two nodes never hold the same message at once, and a node that dies loses its lease.
/// The lease's conditions are repeated outside the subquery: under PostgreSQL's read committed, a
/// node that waited for another's lease re-checks them on the row as committed and skips it.
/// The bookkeeping after a send is EF Core, each update conditional on this node still holding the lease.
/// </summary>
public sealed class OutboxStore(WriteBatcher writes, Database database, IDbContextFactory<PassportQueueDbContext> contexts)
{
    private const int MaxErrorLength = 500;

    /// <summary>The lease, its due messages found by the partial index of pending ones (tested).</summary>
    internal static readonly string LeaseSql =
        $"""
        UPDATE "Outbox" SET "LeaseUntilUtc" = @until, "LeasedBy" = @node
        WHERE "Id" IN (
            SELECT "Id" FROM "Outbox"
            WHERE "Status" = {StateSql.OutboxPending} AND "DueAtUtc" <= @now AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < @now)
            ORDER BY "DueAtUtc" LIMIT @max)
          AND "Status" = {StateSql.OutboxPending} AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < @now)
        RETURNING "Id" AS "Id", "Kind" AS "Kind", "BookingId" AS "BookingId", "EntryId" AS "EntryId", "OfficeId" AS "OfficeId", "Phone" AS "Phone",
                  "Attempts" AS "Attempts", "CreatedAtUtc" AS "CreatedAtUtc", "Body" AS "Body", "Template" AS "Template", "TemplateVariables" AS "TemplateVariables"
        """;

    /// <summary>Leases up to <paramref name="max"/> due messages for <paramref name="node"/> until <paramref name="until"/>.</summary>
    public Task<List<DueMessage>> LeaseDueAsync(string node, DateTime now, DateTime until, int max, CancellationToken ct) =>
        writes.RunAsync(
            s => s.List(
                LeaseSql,
                r => new DueMessage(
                    r.Get<long>("Id"), r.GetEnum<OutboxKind>("Kind"), r.Get<long?>("BookingId"), r.Get<long?>("EntryId"), r.Get<int>("OfficeId"), r.Get<string>("Phone"),
                    r.Get<int>("Attempts"), r.GetUtc("CreatedAtUtc"), r.Get<string?>("Body"), r.Get<string?>("Template"), r.Get<string?>("TemplateVariables")),
                ("@until", until), ("@node", node), ("@now", now), ("@max", max)),
            ct);

    /// <summary>The booking a message is about.</summary>
    public Task<BookingView?> BookingAsync(long bookingId, CancellationToken ct) =>
        database.ReadAsync(s => s.Row(BookingRows.Select + """ WHERE b."Id" = @id""", BookingRows.Map, ("@id", bookingId)), ct);

    /// <summary>A checked-in booking's queue number and the counter it was called to, if it was.</summary>
    public Task<CallNotice?> CallNoticeAsync(long bookingId, CancellationToken ct) =>
        database.ReadAsync(
            s => s.Row(
                $"""
                 SELECT b."QueueNumber" AS "QueueNumber",
                        (SELECT c."Counter" FROM "CounterCalls" c WHERE c."BookingId" = b."Id" AND c."Kind" = {StateSql.Call}) AS "Counter"
                 FROM "Bookings" b WHERE b."Id" = @id AND b."QueueNumber" IS NOT NULL
                 """,
                r => new CallNotice(r.Get<int>("QueueNumber"), r.Get<string?>("Counter")),
                ("@id", bookingId)),
            ct);

    /// <summary>The draw entry a notice is about, with its draw's outcome and the entrant's weight in their next draw.</summary>
    public Task<EntryNotice?> EntryAsync(long entryId, int weightCap, Func<string, string> standingKey, CancellationToken ct) =>
        database.ReadAsync(
            s => s.Row(
                """
                SELECT e."EntryCode" AS "EntryCode", e."Rank" AS "Rank", e."PersonKey" AS "PersonKey", d."Date" AS "Date", d."Entrants" AS "Entrants",
                       o."Code" AS "OfficeCode"
                FROM "BallotEntries" e JOIN "BallotDraws" d ON d."Id" = e."DrawId" JOIN "Offices" o ON o."Id" = d."OfficeId"
                WHERE e."Id" = @id
                """,
                r => (Code: r.Get<string>("EntryCode"), Rank: r.Get<int?>("Rank") ?? 0, Person: r.Get<string>("PersonKey"), Date: r.Get<DateOnly>("Date"),
                    Entrants: r.Get<int>("Entrants"), Office: r.Get<string>("OfficeCode")),
                ("@id", entryId)) is { Code: not null } e
                ? new EntryNotice(
                    e.Office, e.Date, e.Code, e.Rank, e.Entrants,
                    Core.Ballot.BallotWeight.Of(s.Scalar<int?>("""SELECT "LostInARow" FROM "BallotStandings" WHERE "PersonKey" = @k""", ("@k", standingKey(e.Person))) ?? 0, weightCap))
                : null,
            ct);

    /// <summary>The freed place offered to an entrant: the day, the slot, and until when the offer stands.</summary>
    public Task<OfferNotice?> OfferAsync(long entryId, CancellationToken ct) =>
        database.ReadAsync(
            s => s.Row(
                """
                SELECT f."Code" AS "OfficeCode", b."Date" AS "Date", b."SlotStartUtc" AS "SlotStartUtc", b."CheckInDeadlineUtc" AS "DeadlineUtc",
                       o."ExpiresAtUtc" AS "ExpiresAtUtc", e."EntryCode" AS "EntryCode"
                FROM "BallotOffers" o JOIN "Bookings" b ON b."Id" = o."FreedBookingId" JOIN "Offices" f ON f."Id" = b."OfficeId"
                    JOIN "BallotEntries" e ON e."Id" = o."EntryId"
                WHERE o."EntryId" = @id
                """,
                r => new OfferNotice(
                    r.Get<string>("OfficeCode"), r.Get<DateOnly>("Date"), r.GetUtc("SlotStartUtc"), r.GetUtc("DeadlineUtc"), r.GetUtc("ExpiresAtUtc"), r.Get<string>("EntryCode")),
                ("@id", entryId)),
            ct);

    /// <summary>When the applicant last wrote to us: WhatsApp allows free text for 24 hours after.</summary>
    public async Task<DateTime?> LastInboundAsync(string phone, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Messages.Where(m => m.Phone == phone).MaxAsync(m => (DateTime?)m.ReceivedAtUtc, ct);
    }

    /// <summary>Records the end of a send (sent, held or failed), if this node still holds the message's lease.</summary>
    public async Task FinishAsync(
        long id, string node, OutboxStatus status, string? body, string? template, string? providerMessageId, string? error, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        DateTime? sentAt = status == OutboxStatus.Sent ? now : null;
        await Leased(db, id, node).ExecuteUpdateAsync(
            u => u.SetProperty(o => o.Status, status).SetProperty(o => o.Body, body).SetProperty(o => o.Template, template)
                .SetProperty(o => o.ProviderMessageId, providerMessageId).SetProperty(o => o.LastError, Truncate(error)).SetProperty(o => o.SentAtUtc, sentAt)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LeaseUntilUtc, (DateTime?)null),
            ct);
    }

    /// <summary>Gives a failed send back to the queue, due again at <paramref name="dueAt"/>, if this node still holds its lease.</summary>
    public async Task RetryAsync(long id, string node, string error, DateTime dueAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await Leased(db, id, node).ExecuteUpdateAsync(
            u => u.SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, Truncate(error))
                .SetProperty(o => o.DueAtUtc, dueAt).SetProperty(o => o.LeaseUntilUtc, (DateTime?)null),
            ct);
    }

    /// <summary>Records a delivery status unless a later one is already recorded. Returns whether it was recorded.</summary>
    public async Task<bool> RecordDeliveryAsync(string providerMessageId, string status, int rank, string? errorCode, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.Where(o => o.ProviderMessageId == providerMessageId && o.DeliveryRank < rank).ExecuteUpdateAsync(
            u => u.SetProperty(o => o.DeliveryStatus, status).SetProperty(o => o.DeliveryRank, rank)
                .SetProperty(o => o.DeliveryErrorCode, errorCode).SetProperty(o => o.DeliveryUpdatedAtUtc, now),
            ct) == 1;
    }

    /// <summary>Queues tomorrow's reminders for an office's booked applicants; a reminder already queued stays as it is.</summary>
    public async Task<int> QueueRemindersAsync(int officeId, DateOnly date, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One statement across nodes: the unique (booking, kind) key makes a second node's insert do nothing.
        return await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
             SELECT {(int)OutboxKind.Reminder}, b."Id", b."OfficeId", b."Phone", {now}, {now}, {(int)OutboxStatus.Pending}, 0, 0 FROM "Bookings" b
             WHERE b."OfficeId" = {officeId} AND b."Date" = {date} AND b."State" = {(int)BookingState.Booked}
             ON CONFLICT ("BookingId", "Kind") DO NOTHING
             """,
            ct);
    }

    /// <summary>
    /// Queues an interactive follow-up (<see cref="ChatButtons"/>) with its template, variables and readable text, about a
    /// booking (by its code) or about an incoming message; once per (booking or message, kind), so a redelivery adds nothing.
    /// </summary>
    public async Task QueueInteractiveAsync(
        OutboxKind kind, string? bookingCode, string? replyToMessageId, int officeId, string phone, string template, string variables, string body, DateTime now,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await OutboxRows.QueueInteractiveAsync(db, kind, bookingCode, replyToMessageId, officeId, phone, template, variables, body, now, ct);
    }

    private static IQueryable<OutboxMessage> Leased(PassportQueueDbContext db, long id, string node) =>
        db.Outbox.Where(o => o.Id == id && o.LeasedBy == node && o.Status == OutboxStatus.Pending);

    private static string? Truncate(string? text) => text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] : text;
}

/// <summary>A leased outbox message: about a booking, or about a draw entry.</summary>
/// <param name="Body">An interactive follow-up's readable text, fixed when it was queued (others are rendered at send time).</param>
/// <param name="Template">An interactive follow-up's buttons: the provider's id of the template.</param>
/// <param name="TemplateVariables">Its variables as JSON.</param>
public sealed record DueMessage(
    long Id, OutboxKind Kind, long? BookingId, long? EntryId, int OfficeId, string Phone, int Attempts, DateTime CreatedAtUtc,
    string? Body = null, string? Template = null, string? TemplateVariables = null)
{
    /// <summary>Buttons queued with their template and variables (<see cref="ChatButtons"/>), sent only inside the 24-hour window.</summary>
    public bool IsInteractive => Kind is OutboxKind.BookingChoices or OutboxKind.DateChoices;
}

/// <summary>What a turn-near or called notice says: the queue number and, once called, the counter.</summary>
public sealed record CallNotice(int QueueNumber, string? Counter);

/// <summary>What an entrant offered a freed place is told: the day and slot, and the time to answer YA by.</summary>
public sealed record OfferNotice(string OfficeCode, DateOnly Date, DateTime SlotStartUtc, DateTime DeadlineUtc, DateTime ExpiresAtUtc, string EntryCode);

/// <summary>What an entrant who was not drawn is told: the draw, their rank among how many, and their weight next time.</summary>
public sealed record EntryNotice(string OfficeCode, DateOnly Date, string EntryCode, int Rank, int Entrants, int NextWeight);
