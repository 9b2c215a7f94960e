using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>Reads for the counter, always within the officer's office scope.</summary>
public sealed class CounterQueries(IDbContextFactory<PassportQueueDbContext> contexts, IdPhotoStore photos)
{
    /// <summary>The details of a booking the desk found, or null when it is outside <paramref name="scope"/>.</summary>
    public async Task<BookingDetails?> DetailsAsync(BookingView view, string? scope, CancellationToken ct)
    {
        if (scope is not null && view.OfficeCode != scope)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Code == view.Code, ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == booking.OfficeId, ct);
        var phone = await db.Phones.AsNoTracking().SingleOrDefaultAsync(p => p.Number == booking.Phone, ct);
        var flags = await db.PhoneFlags.AsNoTracking().Where(f => f.Phone == booking.Phone).OrderByDescending(f => f.Id).Take(10).ToListAsync(ct);
        var photo = booking.MessageId is { } messageId ? await photos.LoadAsync(messageId, ct) : null;
        return new BookingDetails(
            view with { State = booking.State },
            office.Settings.Name,
            booking.Phone,
            booking.Address,
            booking.QueueNumber,
            booking.StateReason,
            phone?.Standing ?? PhoneStanding.Clear,
            flags,
            photo is { } p ? $"data:{p.ContentType};base64,{Convert.ToBase64String(p.Image)}" : null);
    }
}
