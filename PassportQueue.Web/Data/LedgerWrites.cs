using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Telemetry;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Data;

/// <summary>
/// Writes of the hot path (bookings, forfeits) inside the write batcher's transaction: audit lines,
/// phone records, flags, no-shows and notices. A standing change is conditional on the standing it
/// leaves, so two writers acting at once cannot both move it.
/// </summary>
internal static class LedgerWrites
{
    /// <summary>An audit line, written with the rest of the batch just before its commit.</summary>
    public static void Audit(SqlSession s, DateTime at, Actor actor, AuditAction action, int? officeId, long? bookingId, string? phone, string? reason) =>
        s.Defer(
            "\"AuditEntries\"",
            "\"AtUtc\", \"Actor\", \"Action\", \"OfficeId\", \"BookingId\", \"Phone\", \"Reason\"",
            at, actor.Value, action, officeId, bookingId, phone, Truncate(reason));

    /// <summary>An audit line with a reason the system gives, stored as its code (rendered in the reader's language).</summary>
    public static void Audit(SqlSession s, DateTime at, Actor actor, AuditAction action, int? officeId, long? bookingId, string? phone, SystemReason reason) =>
        Audit(s, at, actor, action, officeId, bookingId, phone, reason.Stored);

    /// <summary>Queues a message to the applicant in the caller's transaction; at most one per booking and kind.</summary>
    public static void Notify(SqlSession s, OutboxKind kind, long bookingId, int officeId, string phone, DateTime dueAt, DateTime now) =>
        s.Execute(
            $"""
            INSERT INTO "Outbox" ("Kind", "BookingId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
            VALUES (@kind, @booking, @office, @phone, @now, @due, {StateSql.OutboxPending}, 0, 0) ON CONFLICT ("BookingId", "Kind") DO NOTHING
            """,
            ("@kind", kind), ("@booking", bookingId), ("@office", officeId), ("@phone", phone), ("@now", now), ("@due", dueAt));

    /// <summary>Creates the number's record on its first message.</summary>
    public static void EnsurePhone(SqlSession s, string phone, DateTime now) =>
        s.Execute(
            """
            INSERT INTO "Phones" ("Number", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
            VALUES (@p, 0, 0, @clear, @now) ON CONFLICT ("Number") DO NOTHING
            """,
            ("@p", phone), ("@clear", PhoneStanding.Clear), ("@now", now));

    /// <summary>
    /// Records a flag; a clear number becomes flagged. Returns whether the standing moved.
    /// <paramref name="detail"/> is the evidence: a stored <see cref="SystemReason"/>, or what an officer typed.
    /// </summary>
    public static bool Flag(SqlSession s, string phone, FlagReason reason, string? detail, long? bookingId, Actor actor, DateTime now)
    {
        EnsurePhone(s, phone, now);
        s.Execute(
            """
            INSERT INTO "PhoneFlags" ("Phone", "Reason", "Detail", "BookingId", "RaisedBy", "RaisedAtUtc")
            VALUES (@p, @reason, @detail, @booking, @by, @now)
            """,
            ("@p", phone), ("@reason", reason), ("@detail", Truncate(detail)), ("@booking", bookingId), ("@by", actor.Value), ("@now", now));
        var why = detail ?? SystemReason.Of(ReasonCode.FlagReason, reason.ToString()).Stored;
        var moved = Move(s, phone, PhoneStanding.Clear, PhoneStanding.Flagged, why, now);
        PassportQueueMetrics.Flagged(reason.ToString());
        Audit(s, now, actor, AuditAction.Flagged, null, bookingId, phone, why);
        return moved;
    }

    /// <summary>Moves a number's standing if it is in <paramref name="from"/>; audits the move. Returns whether it moved.</summary>
    private static bool ChangeStanding(
        SqlSession s, string phone, PhoneStanding from, PhoneStanding to, AuditAction action, string reason, Actor actor, DateTime now)
    {
        if (!Move(s, phone, from, to, reason, now))
        {
            return false;
        }

        Audit(s, now, actor, action, null, null, phone, reason);
        return true;
    }

    /// <summary>A no-show: counts it, flags the number, and blacklists it when <see cref="NoShowPolicy"/> says so.</summary>
    public static void NoShow(SqlSession s, string phone, long bookingId, string code, BookingRules rules, Actor actor, DateTime now)
    {
        var noShows = s.Scalar<int>(
            """UPDATE "Phones" SET "NoShows" = "NoShows" + 1 WHERE "Number" = @p RETURNING "NoShows" """, ("@p", phone));
        Flag(s, phone, NoShowPolicy.Flag, SystemReason.Of(ReasonCode.ForfeitedCode, code).Stored, bookingId, actor, now);
        if (NoShowPolicy.Blacklists(noShows, rules))
        {
            var reason = SystemReason.Of(ReasonCode.NoShows, noShows.ToString(System.Globalization.CultureInfo.InvariantCulture)).Stored;
            if (ChangeStanding(s, phone, PhoneStanding.Flagged, PhoneStanding.Blacklisted, AuditAction.Blacklisted, reason, Actor.System, now)
                || ChangeStanding(s, phone, PhoneStanding.Clear, PhoneStanding.Blacklisted, AuditAction.Blacklisted, reason, Actor.System, now))
            {
                PassportQueueMetrics.Blacklisted(bySystem: true);
            }
        }
    }

    private static bool Move(SqlSession s, string phone, PhoneStanding from, PhoneStanding to, string reason, DateTime now) =>
        s.Execute(
            """
            UPDATE "Phones" SET "Standing" = @to, "StandingReason" = @reason, "StandingChangedAtUtc" = @now
            WHERE "Number" = @p AND "Standing" = @from
            """,
            ("@to", to), ("@reason", Truncate(reason)), ("@now", now), ("@p", phone), ("@from", from)) == 1;

    /// <summary>An audit reason cut to the length the column holds.</summary>
    internal static string? Truncate(string? text) => text is { Length: > AuditEntry.MaxReasonLength } ? text[..AuditEntry.MaxReasonLength] : text;
}
