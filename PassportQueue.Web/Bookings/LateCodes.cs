using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Bookings;

/// <summary>
/// Forfeiting late codes, in hand-written SQL through the write batcher: the late-code job forfeits
/// a whole morning's no-shows at once, on every node, and each code must be forfeited exactly once.
/// </summary>
internal static class LateCodes
{
    /// <summary>The late codes' query, answered by the partial index of booked codes by deadline (tested).</summary>
    internal static readonly string FindSql =
        $"""
        SELECT b."Code" AS "Code" FROM "Bookings" b JOIN "Offices" o ON o."Id" = b."OfficeId"
        WHERE b."State" = {StateSql.Booked} AND b."CheckInDeadlineUtc" < @now AND (CAST(@office AS TEXT) IS NULL OR o."Code" = @office)
        ORDER BY b."CheckInDeadlineUtc"
        """;

    /// <summary>Codes still Booked whose deadline passed before <paramref name="nowUtc"/>, for one office or all.</summary>
    public static IReadOnlyList<BookingCode> Find(SqlSession s, string? officeCode, DateTime nowUtc) =>
        s.List(
            FindSql,
            r => BookingCode.TryParse(r.Get<string>("Code"), out var c) ? c : throw new InvalidDataException("Stored code is invalid."),
            ("@now", nowUtc), ("@office", officeCode));

    /// <summary>
    /// Booked -> Forfeited, only once the deadline has passed, by a conditional update: counts the
    /// no-show against the number (flag, blacklist by the policy) and tells the applicant.
    /// </summary>
    public static LedgerChange Forfeit(SqlSession s, BookingCode code, string reason, Actor actor, DateTime nowUtc, BookingRules rules)
    {
        if (s.List(BookingRows.Select + """ WHERE b."Code" = @code""", BookingRows.MapWithKey, ("@code", code.Value)) is not [var row])
        {
            return new LedgerChange(false, null);
        }

        var moved = s.Execute(
            $"""
            UPDATE "Bookings" SET "State" = @forfeited, "StateReason" = @reason, "UpdatedAtUtc" = @now
            WHERE "Id" = @id AND "State" = {StateSql.Booked} AND "CheckInDeadlineUtc" < @now
            """,
            ("@forfeited", BookingState.Forfeited), ("@reason", reason), ("@now", nowUtc), ("@id", row.Id)) == 1;
        if (!moved)
        {
            return new LedgerChange(false, row.View);
        }

        LedgerWrites.Audit(s, nowUtc, actor, AuditAction.Forfeited, row.OfficeId, row.Id, row.Phone, reason);
        LedgerWrites.NoShow(s, row.Phone, row.Id, code.Value, rules, actor, nowUtc);
        LedgerWrites.Notify(s, OutboxKind.Forfeited, row.Id, row.OfficeId, row.Phone, nowUtc, nowUtc);
        return new LedgerChange(true, row.View with { State = BookingState.Forfeited });
    }
}
