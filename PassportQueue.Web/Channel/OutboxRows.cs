using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Channel;

/// <summary>The outbox's inserts, in one place, inside the caller's transaction where it has one.</summary>
internal static class OutboxRows
{
    /// <summary>
    /// Queues a notice of <paramref name="kind"/> about a booking, to its number, in the caller's transaction (a counter's
    /// call); a notice of that kind already queued for the booking stays as it is.
    /// </summary>
    public static Task<int> QueueAboutBookingAsync(PassportQueueDbContext db, OutboxKind kind, long bookingId, DateTime now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
             SELECT {(int)kind}, b."Id", b."OfficeId", b."Phone", {now}, {now}, {(int)OutboxStatus.Pending}, 0, 0 FROM "Bookings" b WHERE b."Id" = {bookingId}
             ON CONFLICT ("BookingId", "Kind") DO NOTHING
             """,
            ct);

    /// <summary>
    /// An interactive follow-up about a booking (by its code) or, with no code, about the incoming message
    /// <paramref name="replyToMessageId"/>; once per (booking or message, kind). A null parameter has no type in
    /// PostgreSQL, so each case is a statement of its own.
    /// </summary>
    public static Task<int> QueueInteractiveAsync(
        PassportQueueDbContext db, OutboxKind kind, string? bookingCode, string? replyToMessageId, int officeId, string phone, string template, string variables,
        string body, DateTime now, CancellationToken ct) =>
        bookingCode is not null
            ? db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank", "Template", "TemplateVariables", "Body")
                 SELECT {(int)kind}, b."Id", {officeId}, {phone}, {now}, {now}, {(int)OutboxStatus.Pending}, 0, 0, {template}, {variables}, {body}
                 FROM "Bookings" b WHERE b."Code" = {bookingCode}
                 ON CONFLICT DO NOTHING
                 """,
                ct)
            : db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO "Outbox" ("Kind", "ReplyToMessageId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank", "Template", "TemplateVariables", "Body")
                 SELECT {(int)kind}, {replyToMessageId ?? string.Empty}, {officeId}, {phone}, {now}, {now}, {(int)OutboxStatus.Pending}, 0, 0, {template}, {variables}, {body}
                 WHERE 1 = 1
                 ON CONFLICT DO NOTHING
                 """,
                ct);
}
