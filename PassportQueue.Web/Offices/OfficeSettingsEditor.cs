using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Offices;

/// <summary>
/// Supervisors' edits of an office's settings: validated, written with an audit line that says
/// what changed, and seen by every page at once. The code never changes. Days from today on that
/// already have bookings take the new quota and priority share as far as their bookings and
/// their slots allow; they keep the slot schedule they opened with, which their places are numbered by.
/// </summary>
public sealed class OfficeSettingsEditor(IDbContextFactory<PassportQueueDbContext> contexts, OfficeDirectory offices, ChangeFeed feed, TimeProvider time)
{
    /// <summary>Saves new settings for an office; returns what is wrong with them, or nothing when saved.</summary>
    public async Task<IReadOnlyList<SettingsProblem>> SaveAsync(string officeCode, OfficeSettings settings, Actor actor, CancellationToken ct)
    {
        var known = await offices.FindByCodeAsync(officeCode, ct);
        if (known is null)
        {
            return [SettingsProblem.UnknownOffice];
        }

        var updated = settings with { Code = known.Code };
        if (updated.Validate() is { Count: > 0 } problems)
        {
            return problems;
        }

        var changes = Differences(known.Settings, updated);
        if (changes.Length == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var today = known.Calendar.LocalDate(now);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var office = await db.Offices.SingleAsync(o => o.Id == known.Id, ct);
            office.ChangeSettings(updated, now.UtcDateTime);
            var days = await ApplyToOpenedDaysAsync(db, office.Id, today, updated, ct);
            db.AuditEntries.Add(AuditEntry.Record(
                now.UtcDateTime, actor, AuditAction.OfficeSettingsChanged, office.Id, null, null,
                SystemReason.Of(ReasonCode.SettingsChanged, changes, days.ToString(CultureInfo.InvariantCulture)).Stored));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Every node's office cache and open dashboards (this node's at once).
        feed.Publish(new Change(ChangeKind.Settings, known.Code));
        return [];
    }

    /// <summary>
    /// Gives days from <paramref name="today"/> on that already have a counter the new quota and
    /// priority share: never below what is taken, never above what the day's slots hold. Each update
    /// is conditional on the counts read, so a booking that slipped in between leaves that day as it was.
    /// </summary>
    private static async Task<int> ApplyToOpenedDaysAsync(PassportQueueDbContext db, int officeId, DateOnly today, OfficeSettings settings, CancellationToken ct)
    {
        var days = await db.DayCounters.AsNoTracking()
            .Where(d => d.OfficeId == officeId && d.Date >= today)
            .Select(d => new { d.Date, d.OpenTaken, d.PriorityTaken, Places = d.SlotsPerDay * d.PlacesPerSlot })
            .ToListAsync(ct);
        var changed = 0;
        foreach (var day in days)
        {
            var priorityQuota = Math.Min(Math.Max(settings.PriorityQuota, day.PriorityTaken), day.Places - day.OpenTaken);
            var quota = Math.Min(day.Places, Math.Max(settings.DailyQuota, day.OpenTaken + priorityQuota));
            changed += await db.DayCounters
                .Where(d => d.OfficeId == officeId && d.Date == day.Date && d.OpenTaken == day.OpenTaken && d.PriorityTaken == day.PriorityTaken)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Quota, quota).SetProperty(d => d.PriorityQuota, priorityQuota), ct);
        }

        return changed;
    }

    /// <summary>"DailyQuota: 100 → 120; Documents: … → …" for every setting that changed.</summary>
    public static string Differences(OfficeSettings before, OfficeSettings after)
    {
        var old = JsonSerializer.SerializeToElement(before);
        var @new = JsonSerializer.SerializeToElement(after);
        return string.Join("; ", old.EnumerateObject()
            .Where(p => p.Value.GetRawText() != @new.GetProperty(p.Name).GetRawText())
            .Select(p => $"{p.Name}: {p.Value.GetRawText()} → {@new.GetProperty(p.Name).GetRawText()}"));
    }
}
