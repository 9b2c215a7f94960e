using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.WhatsApp;

/// <summary>e-KTP photos: stored encrypted, shown decrypted to the officer, removed after the retention period.</summary>
public sealed class IdPhotoStore(
    WriteBatcher writes, IDbContextFactory<PassportQueueDbContext> contexts, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PassportQueue.IdPhotos.v1");

    /// <summary>Encrypts a photo for storage with its message (<see cref="Core.Messages.IncomingPhoto"/>).</summary>
    public Core.Messages.IncomingPhoto Seal(string contentType, byte[] image) => new(contentType, _protector.Protect(image), image.Length);

    /// <summary>The photo that came with a message, decrypted, or null if there is none or it was deleted.</summary>
    public async Task<(string ContentType, byte[] Image)?> LoadAsync(string messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var photo = await db.IdPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.MessageId == messageId, ct);
        return photo is { Encrypted: { } data } ? (photo.ContentType, _protector.Unprotect(data)) : null;
    }

    /// <summary>
    /// Removes the images of photos whose booking ended more than <paramref name="retentionDays"/>
    /// days ago, or that came that long ago without a booking. Returns how many.
    /// </summary>
    public Task<int> DeleteExpiredAsync(int retentionDays, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-retentionDays);
        return writes.RunAsync(
            s => s.Execute(
                """
                UPDATE "IdPhotos" SET "Encrypted" = NULL, "DeletedAtUtc" = @now
                WHERE "Encrypted" IS NOT NULL AND "ReceivedAtUtc" < @cutoff AND NOT EXISTS (
                    SELECT 1 FROM "Messages" m JOIN "Bookings" b ON b."Id" = m."BookingId"
                    WHERE m."MessageId" = "IdPhotos"."MessageId" AND (b."State" IN (0, 1) OR b."UpdatedAtUtc" >= @cutoff))
                """,
                ("@now", now), ("@cutoff", cutoff)),
            ct);
    }
}
