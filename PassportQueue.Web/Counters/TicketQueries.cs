using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>What a printed queue ticket shows: the office, the queue number, the slot, when the applicant checked in, and the code for its QR. No name, birth date or number.</summary>
public sealed record QueueTicket(string OfficeCode, string OfficeName, int QueueNumber, bool IsPriority, string Code, DateOnly Date, DateTime SlotStartUtc, DateTime CheckedInAtUtc);

/// <summary>The queue ticket of a checked-in booking, within the officer's office scope.</summary>
public sealed class TicketQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    /// <summary>The ticket of <paramref name="code"/>, or null when the code is unknown, outside <paramref name="scope"/>, or not checked in and waiting.</summary>
    public async Task<QueueTicket?> TicketAsync(string code, string? scope, CancellationToken ct)
    {
        if (!BookingCode.TryParse(code, out var parsed))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Code == parsed.Value && b.State == BookingState.Arrived && b.QueueNumber != null)
            .Join(db.Offices, b => b.OfficeId, o => o.Id, (b, o) => new { b.Id, o.Code, o.Settings, b.QueueNumber, b.IsPriority, b.Date, b.SlotStartUtc })
            .SingleOrDefaultAsync(ct);
        if (booking is null || (scope is not null && booking.Code != scope))
        {
            return null;
        }

        var checkedIn = await db.AuditEntries.AsNoTracking()
            .Where(a => a.BookingId == booking.Id && a.Action == AuditAction.Arrived).MaxAsync(a => (DateTime?)a.AtUtc, ct);
        return new QueueTicket(
            booking.Code, booking.Settings.Name, booking.QueueNumber!.Value, booking.IsPriority, parsed.Value, booking.Date, booking.SlotStartUtc, checkedIn ?? booking.SlotStartUtc);
    }
}
