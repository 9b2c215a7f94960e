using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Web.Channel;

/// <summary>e-KTP photos: stored encrypted, shown decrypted to the officer, removed after the retention period.</summary>
public sealed class IdPhotoStore(IDbContextFactory<PassportQueueDbContext> contexts, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PassportQueue.IdPhotos.v1");

    /// <summary>Encrypts a photo for storage with its message (<see cref="Core.Messages.IncomingPhoto"/>), with its perceptual hash.</summary>
    public Core.Messages.IncomingPhoto Seal(string contentType, byte[] image) =>
        new(contentType, _protector.Protect(image), image.Length, PhotoHasher.Of(image));

    /// <summary>The photo that came with a message, decrypted, or null if there is none or it was deleted.</summary>
    public async Task<(string ContentType, byte[] Image)?> LoadAsync(string messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var photo = await db.IdPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.MessageId == messageId, ct);
        return photo is { Encrypted: { } data } ? (photo.ContentType, _protector.Unprotect(data)) : null;
    }

    /// <summary>
    /// Removes the images of photos whose booking ended more than <paramref name="retentionDays"/>
    /// days ago, or that came that long ago without a booking, by one conditional update (each image
    /// once, whatever node runs it). Returns how many.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(int retentionDays, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-retentionDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdPhotos
            .Where(p => p.Encrypted != null && p.ReceivedAtUtc < cutoff && !db.Messages.Any(m => m.MessageId == p.MessageId && db.Bookings.Any(
                b => b.Id == m.BookingId && (b.State == BookingState.Booked || b.State == BookingState.Arrived || b.UpdatedAtUtc >= cutoff))))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Encrypted, (byte[]?)null).SetProperty(p => p.DeletedAtUtc, now), ct);
    }
}
