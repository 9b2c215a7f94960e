using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Bookings;

/// <summary>
/// Booking state changes after issue. The counter's moves (check-in, complete, return) are EF Core
/// transactions: an update conditional on the state the booking leaves (and, for check-in, on the
/// deadline), with its audit line. Forfeits are on the hot path of the late-code job and stay in the
/// write batcher (<see cref="LateCodes"/>).
/// </summary>
public sealed class BookingLedger(IDbContextFactory<PassportQueueDbContext> contexts, WriteBatcher writes, Database database, ChangeFeed feed)
    : IBookingLedger
{
    /// <inheritdoc />
    public Task<BookingView?> FindAsync(BookingCode code, CancellationToken cancellationToken) =>
        database.ReadAsync(s => s.Row(BookingRows.Select + """ WHERE b."Code" = @code""", BookingRows.Map, ("@code", code.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> MarkArrivedAsync(BookingCode code, CodeEntry entry, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        MoveAsync(code, BookingState.Booked, BookingState.Arrived, AuditAction.Arrived, null, actor, nowUtc, async (db, booking, ct) =>
        {
            await db.DayCounters.Where(d => d.OfficeId == booking.OfficeId && d.Date == booking.View.Date)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Arrived, d => d.Arrived + 1), ct);
            // This transaction holds the counter's row since its update: the count read is its own.
            var queue = await db.DayCounters.Where(d => d.OfficeId == booking.OfficeId && d.Date == booking.View.Date).Select(d => d.Arrived).SingleAsync(ct);
            await db.Bookings.Where(b => b.Id == booking.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.QueueNumber, queue).SetProperty(b => b.CheckInEntry, entry), ct);
            return (queue, SystemReason.Of(ReasonCode.CheckedIn, queue.ToString(CultureInfo.InvariantCulture), entry.ToString()).Stored);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> CompleteAsync(BookingCode code, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        MoveAsync(code, BookingState.Arrived, BookingState.Completed, AuditAction.Completed, null, actor, nowUtc, null, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerChange> ReturnAsync(BookingCode code, string reason, Actor actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        MoveAsync(code, BookingState.Arrived, BookingState.Returned, AuditAction.Returned, reason, actor, nowUtc, null, cancellationToken);

    /// <inheritdoc />
    public async Task<LedgerChange> ForfeitAsync(
        BookingCode code, string reason, Actor actor, DateTime nowUtc, BookingRules rules, CancellationToken cancellationToken) =>
        Publish(await writes.RunAsync(s => LateCodes.Forfeit(s, code, reason, actor, nowUtc, rules), cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingCode>> LateCodesAsync(string? officeCode, DateTime nowUtc, CancellationToken cancellationToken) =>
        database.ReadAsync(s => LateCodes.Find(s, officeCode, nowUtc), cancellationToken);

    /// <summary>
    /// Moves a booking from one state to the next in one transaction: the conditional update, any
    /// further writes of the move (<paramref name="more"/>, with the audit reason they give), and the audit line.
    /// </summary>
    private async Task<LedgerChange> MoveAsync(
        BookingCode code, BookingState from, BookingState to, AuditAction action, string? reason, Actor actor, DateTime now,
        Func<PassportQueueDbContext, StoredBooking, CancellationToken, Task<(int Queue, string Reason)>>? more, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LoadAsync(db, code, ct) is not { } booking)
        {
            return new LedgerChange(false, null);
        }

        // Check-in also needs the deadline ahead: a late code is forfeited instead (the counter desk decides).
        var moved = await db.Bookings
            .Where(b => b.Id == booking.Id && b.State == from && (to != BookingState.Arrived || b.CheckInDeadlineUtc >= now))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.State, to).SetProperty(b => b.StateReason, reason).SetProperty(b => b.UpdatedAtUtc, now), ct) == 1;
        if (!moved)
        {
            return new LedgerChange(false, booking.View);
        }

        var (queue, why) = more is null ? (default(int?), reason) : await more(db, booking, ct);
        db.AuditEntries.Add(AuditEntry.Record(now, actor, action, booking.OfficeId, booking.Id, booking.Phone, why));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Publish(new LedgerChange(true, booking.View with { State = to }, queue));
    }

    private static Task<StoredBooking?> LoadAsync(PassportQueueDbContext db, BookingCode code, CancellationToken ct) =>
        (from b in db.Bookings
         join o in db.Offices on b.OfficeId equals o.Id
         where b.Code == code.Value
         select new StoredBooking(b.Id, b.Phone, b.OfficeId, new BookingView(
             b.Code, o.Code, b.Name, b.BirthDate, b.AgeGroup, b.IsOwner, b.Date, b.SlotIndex, b.SlotStartUtc, b.CheckInDeadlineUtc, b.State)))
        .AsNoTracking().SingleOrDefaultAsync(ct);

    /// <summary>Tells live dashboards of the booking's office about a change, once it is committed.</summary>
    private LedgerChange Publish(LedgerChange change)
    {
        if (change is { Changed: true, Booking: { } booking })
        {
            feed.Publish(booking.OfficeCode);
        }

        return change;
    }
}
