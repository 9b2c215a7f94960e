using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>
/// Booking state changes after issue. Each is an update conditional on the state it leaves (and,
/// for check-in and forfeit, on the deadline), written with its audit line in one transaction.
/// </summary>
public sealed class SqlBookingLedger(WriteBatcher writes, Database database, ChangeFeed feed) : IBookingLedger
{
    /// <inheritdoc />
    public Task<BookingView?> FindAsync(BookingCode code, CancellationToken cancellationToken) =>
        database.ReadAsync(s => s.Row(BookingRows.Select + """ WHERE b."Code" = @code""", BookingRows.Map, ("@code", code.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> MarkArrivedAsync(BookingCode code, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        Announce(s =>
        {
            if (Load(s, code) is not { } row)
            {
                return new LedgerChange(false, null);
            }

            var moved = s.Execute(
                """
                UPDATE "Bookings" SET "State" = @arrived, "UpdatedAtUtc" = @now
                WHERE "Id" = @id AND "State" = @booked AND "CheckInDeadlineUtc" >= @now
                """,
                [("@now", nowUtc), ("@id", row.Id), .. BookingRows.ActiveStates]) == 1;
            if (!moved)
            {
                return new LedgerChange(false, row.View);
            }

            var queue = s.Scalar<int>(
                """
                UPDATE "DayCounters" SET "Arrived" = "Arrived" + 1
                WHERE "OfficeId" = @o AND "Date" = @d RETURNING "Arrived" AS "QueueNumber"
                """,
                ("@o", row.OfficeId), ("@d", row.View.Date));
            s.Execute("""UPDATE "Bookings" SET "QueueNumber" = @q WHERE "Id" = @id""", ("@q", queue), ("@id", row.Id));
            LedgerWrites.Audit(s, nowUtc, actor, AuditAction.Arrived, row.OfficeId, row.Id, row.Phone,
                SystemReason.Of(ReasonCode.QueueNumber, queue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new LedgerChange(true, row.View with { State = BookingState.Arrived }, queue);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> CompleteAsync(BookingCode code, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        MoveAsync(code, BookingState.Arrived, BookingState.Completed, AuditAction.Completed, null, actor, nowUtc, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> ReturnAsync(BookingCode code, string reason, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        MoveAsync(code, BookingState.Arrived, BookingState.Returned, AuditAction.Returned, reason, actor, nowUtc, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> ForfeitAsync(
        BookingCode code, string reason, Actor actor, DateTime nowUtc, BookingRules rules, CancellationToken cancellationToken) =>
        Announce(s =>
        {
            if (Load(s, code) is not { } row)
            {
                return new LedgerChange(false, null);
            }

            var moved = s.Execute(
                """
                UPDATE "Bookings" SET "State" = @forfeited, "StateReason" = @reason, "UpdatedAtUtc" = @now
                WHERE "Id" = @id AND "State" = @booked AND "CheckInDeadlineUtc" < @now
                """,
                ("@forfeited", BookingState.Forfeited), ("@booked", BookingState.Booked), ("@reason", reason), ("@now", nowUtc), ("@id", row.Id)) == 1;
            if (!moved)
            {
                return new LedgerChange(false, row.View);
            }

            LedgerWrites.Audit(s, nowUtc, actor, AuditAction.Forfeited, row.OfficeId, row.Id, row.Phone, reason);
            LedgerWrites.NoShow(s, row.Phone, row.Id, code.Value, rules, actor, nowUtc);
            LedgerWrites.Notify(s, OutboxKind.Forfeited, row.Id, row.OfficeId, row.Phone, nowUtc, nowUtc);
            return new LedgerChange(true, row.View with { State = BookingState.Forfeited });
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingCode>> LateCodesAsync(string? officeCode, DateTime nowUtc, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<BookingCode>>(
            s => s.List(
                """
                SELECT b."Code" AS "Code" FROM "Bookings" b JOIN "Offices" o ON o."Id" = b."OfficeId"
                WHERE b."State" = @booked AND b."CheckInDeadlineUtc" < @now AND (CAST(@office AS TEXT) IS NULL OR o."Code" = @office)
                ORDER BY b."CheckInDeadlineUtc"
                """,
                r => BookingCode.TryParse(r.Get<string>("Code"), out var c) ? c : throw new InvalidDataException("Stored code is invalid."),
                ("@booked", BookingState.Booked), ("@now", nowUtc), ("@office", officeCode)),
            cancellationToken);

    private Task<LedgerChange> MoveAsync(
        BookingCode code, BookingState from, BookingState to, AuditAction action, string? reason, Actor actor, DateTime nowUtc, CancellationToken ct) =>
        Announce(s =>
        {
            if (Load(s, code) is not { } row)
            {
                return new LedgerChange(false, null);
            }

            var moved = s.Execute(
                """
                UPDATE "Bookings" SET "State" = @to, "StateReason" = @reason, "UpdatedAtUtc" = @now
                WHERE "Id" = @id AND "State" = @from
                """,
                ("@to", to), ("@reason", reason), ("@now", nowUtc), ("@id", row.Id), ("@from", from)) == 1;
            if (!moved)
            {
                return new LedgerChange(false, row.View);
            }

            LedgerWrites.Audit(s, nowUtc, actor, action, row.OfficeId, row.Id, row.Phone, reason);
            return new LedgerChange(true, row.View with { State = to });
        }, ct);

    /// <summary>Runs a change and, once it is committed, tells live dashboards of its office.</summary>
    private async Task<LedgerChange> Announce(Func<SqlSession, LedgerChange> change, CancellationToken ct)
    {
        var result = await writes.RunAsync(change, ct);
        if (result is { Changed: true, Booking: { } booking })
        {
            feed.Publish(booking.OfficeCode);
        }

        return result;
    }

    private static StoredBooking? Load(SqlSession s, BookingCode code) =>
        s.List(BookingRows.Select + """ WHERE b."Code" = @code""", BookingRows.MapWithKey, ("@code", code.Value)) is [var row] ? row : null;
}
