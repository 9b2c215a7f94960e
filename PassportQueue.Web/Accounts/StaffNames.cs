using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// The people behind staff actors (<c>staff:{login}</c>) as supervisors read them: the name and the office, never the
/// login id. An actor without an account (the system, an applicant, a removed account) is shown as stored.
/// </summary>
public sealed class StaffNames(IDbContextFactory<PassportQueueDbContext> contexts)
{
    private const string Prefix = "staff:";

    /// <summary>For each staff actor of <paramref name="actors"/> that has an account, its name and office.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> actors, CancellationToken ct)
    {
        var logins = actors.OfType<string>().Where(a => a.StartsWith(Prefix, StringComparison.Ordinal)).Select(a => a[Prefix.Length..]).Distinct().ToList();
        if (logins.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, u.OfficeCode }).ToListAsync(ct);
        return users.ToDictionary(
            u => Prefix + u.UserName,
            u => u.OfficeCode is { Length: > 0 } office ? $"{u.DisplayName} ({office})" : u.DisplayName,
            StringComparer.Ordinal);
    }

    /// <summary>The actor's name from <paramref name="names"/>, or the actor as stored.</summary>
    public static string Of(IReadOnlyDictionary<string, string> names, string? actor) =>
        actor is not null && names.TryGetValue(actor, out var name) ? name : actor ?? string.Empty;
}
