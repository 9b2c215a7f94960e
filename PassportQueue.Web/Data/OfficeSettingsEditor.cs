using System.Text.Json;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data.Stores;

namespace PassportQueue.Web.Data;

/// <summary>
/// Supervisors' edits of an office's settings: validated, written with an audit line that says
/// what changed, and seen by every page at once. The code never changes. Days that already have
/// bookings keep the quota and slots they opened with.
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

        var now = time.GetUtcNow().UtcDateTime;
        await writes.RunAsync(
            s =>
            {
                s.Execute(
                    """UPDATE "Offices" SET "SettingsJson" = @json, "UpdatedAtUtc" = @now WHERE "Id" = @id""",
                    ("@json", OfficeSettingsJson.Write(updated)), ("@now", now), ("@id", office.Id));
                LedgerWrites.Audit(s, now, actor, AuditAction.OfficeSettingsChanged, office.Id, null, null, changes);
                return 0;
            },
            ct);
        offices.Invalidate();
        feed.Publish(office.Code);
        return [];
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
