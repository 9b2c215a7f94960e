using System.Text.Json;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>
/// Supervisors' edits of an office's settings: validated, written with an audit line that says
/// what changed, and seen by every page at once. The code never changes. Days from today on that
/// already have bookings take the new quota and priority share as far as their bookings and
/// their slots allow; they keep the slot schedule they opened with, which their places are numbered by.
/// </summary>
public sealed class OfficeSettingsEditor(WriteBatcher writes, OfficeDirectory offices, ChangeFeed feed, TimeProvider time)
{
    /// <summary>Saves new settings for an office; returns what is wrong with them, or nothing when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string officeCode, OfficeSettings settings, Actor actor, CancellationToken ct)
    {
        var office = await offices.FindByCodeAsync(officeCode, ct);
        if (office is null)
        {
            return [$"Unknown office {officeCode}."];
        }

        var updated = settings with { Code = office.Code };
        if (updated.Validate() is { Count: > 0 } errors)
        {
            return errors;
        }

        var changes = Differences(office.Settings, updated);
        if (changes.Length == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var today = office.Calendar.LocalDate(now);
        await writes.RunAsync(
            s =>
            {
                s.Execute(
                    """UPDATE "Offices" SET "SettingsJson" = @json, "UpdatedAtUtc" = @now WHERE "Id" = @id""",
                    ("@json", OfficeSettingsJson.Write(updated)), ("@now", now.UtcDateTime), ("@id", office.Id));
                var days = ApplyToOpenedDays(s, office.Id, today, updated);
                LedgerWrites.Audit(s, now.UtcDateTime, actor, AuditAction.OfficeSettingsChanged, office.Id, null, null, $"{changes} (days already open: {days})");
                return days;
            },
            ct);
        // Every node's office cache and open dashboards (this node's at once).
        feed.Publish(new Change(ChangeKind.Settings, office.Code));
        return [];
    }

    /// <summary>
    /// Gives days from <paramref name="today"/> on that already have a counter the new quota and
    /// priority share: never below what is taken, never above what the day's slots hold. Each update
    /// is conditional on the counts read, so a booking that slipped in between leaves that day as it was.
    /// </summary>
    private static int ApplyToOpenedDays(SqlSession s, int officeId, DateOnly today, OfficeSettings settings)
    {
        var days = s.List(
            """
            SELECT "Date", "OpenTaken", "PriorityTaken", "SlotsPerDay" * "PlacesPerSlot" FROM "DayCounters"
            WHERE "OfficeId" = @o AND "Date" >= @today
            """,
            r => (Date: r.GetFieldValue<DateOnly>(0), Open: r.GetInt32(1), Priority: r.GetInt32(2), Places: r.GetInt32(3)),
            ("@o", officeId), ("@today", today));
        var changed = 0;
        foreach (var day in days)
        {
            var priorityQuota = Math.Min(Math.Max(settings.PriorityQuota, day.Priority), day.Places - day.Open);
            var quota = Math.Min(day.Places, Math.Max(settings.DailyQuota, day.Open + priorityQuota));
            changed += s.Execute(
                """
                UPDATE "DayCounters" SET "Quota" = @q, "PriorityQuota" = @pq
                WHERE "OfficeId" = @o AND "Date" = @d AND "OpenTaken" = @open AND "PriorityTaken" = @priority
                """,
                ("@q", quota), ("@pq", priorityQuota), ("@o", officeId), ("@d", day.Date), ("@open", day.Open), ("@priority", day.Priority));
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
