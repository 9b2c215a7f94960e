using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data;
using PassportQueue.Web.Reporting;

namespace PassportQueue.Web.Reporting;

/// <summary>
/// Reads for supervisors. A supervisor sees the numbers that wrote to their office; an admin
/// (scope null) sees all.
/// </summary>
public sealed class SupervisorQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    public async Task<IReadOnlyList<PhoneRecord>> NumbersAsync(PhoneStanding standing, string? scope, string? search, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var numbers = Visible(db, scope).Where(p => p.Standing == standing);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Names are stored in upper case; numbers are searched by their digits.
            var digits = new string([.. search.Where(char.IsDigit)]);
            var name = search.Trim().ToUpperInvariant();
            numbers = numbers.Where(p => (digits.Length > 0 && p.Number.Contains(digits)) || (p.OwnerName != null && p.OwnerName.Contains(name)));
        }

        return await numbers.OrderByDescending(p => p.StandingChangedAtUtc).Take(500).ToListAsync(ct);
    }

    /// <summary>Whether a supervisor with this scope may see and act on a number.</summary>
    public async Task<bool> MaySeeAsync(string phone, string? scope, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Visible(db, scope).AnyAsync(p => p.Number == phone, ct);
    }

    /// <summary>Everything that happened with a number, newest first: messages, bookings, flags, changes.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string phone, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.Phone == phone).OrderByDescending(m => m.ReceivedAtUtc).Take(200).ToListAsync(ct);
        var bookingIds = messages.Where(m => m.BookingId != null).Select(m => m.BookingId!.Value).ToList();
        var bookings = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).ToListAsync(ct);
        var flags = await db.PhoneFlags.AsNoTracking().Where(f => f.Phone == phone).ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Phone == phone && a.BookingId == null) || (a.BookingId != null && bookingIds.Contains(a.BookingId.Value)))
            .ToListAsync(ct);
        return
        [
            .. messages.Select(m => new TimelineEntry(m.ReceivedAtUtc, TimelineKind.Message, $"[{offices.GetValueOrDefault(m.OfficeId)}] {m.Body}", phone)),
            .. bookings.Select(b => new TimelineEntry(b.CreatedAtUtc, TimelineKind.Booking, $"{b.Code} · {b.Name} · {b.Date:dd-MM-yyyy}", phone) { State = b.State }),
            .. flags.Select(f => new TimelineEntry(f.RaisedAtUtc, TimelineKind.Flag, f.Detail, f.RaisedBy) { Flag = f.Reason }),
            .. audit.Select(a => new TimelineEntry(a.AtUtc, TimelineKind.Audit, a.Reason, a.Actor) { Action = a.Action }),
        ];
    }

    public async Task<IReadOnlyList<AuditRow>> AuditAsync(AuditFilter filter, string? scope, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().AsQueryable();
        if (scope is not null)
        {
            var officeId = await db.Offices.Where(o => o.Code == scope).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct) ?? -1;
            var numbers = db.Messages.Where(m => m.OfficeId == officeId).Select(m => m.Phone);
            entries = entries.Where(a => a.OfficeId == officeId || (a.OfficeId == null && a.Phone != null && numbers.Contains(a.Phone)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
            // Case-insensitive on both providers (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
            var who = filter.Who.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(); no culture reaches the database.
            entries = entries.Where(a => a.Actor.ToUpper().Contains(who));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.What is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(a => a.AtUtc >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(a => a.AtUtc < to);
        }

        if (BookingCode.TryParse(filter.Code, out var code))
        {
            var id = await db.Bookings.Where(b => b.Code == code.Value).Select(b => (long?)b.Id).SingleOrDefaultAsync(ct) ?? -1;
            entries = entries.Where(a => a.BookingId == id);
        }

        if (PhoneNumber.TryParse(filter.Phone, out var phone))
        {
            entries = entries.Where(a => a.Phone == phone.E164);
        }

        return await entries.OrderByDescending(a => a.Id).Take(200)
            .Select(a => new AuditRow(a.AtUtc, a.Actor, a.Action, a.Phone, a.Reason,
                a.BookingId == null ? null : db.Bookings.Where(b => b.Id == a.BookingId).Select(b => b.Code).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private static IQueryable<PhoneRecord> Visible(PassportQueueDbContext db, string? scope)
    {
        var phones = db.Phones.AsNoTracking();
        if (scope is null)
        {
            return phones;
        }

        var numbers = db.Messages.Where(m => db.Offices.Any(o => o.Id == m.OfficeId && o.Code == scope)).Select(m => m.Phone);
        return phones.Where(p => numbers.Contains(p.Number));
    }
}

/// <summary>What happened with a number.</summary>
public enum TimelineKind
{
    Message = 0,
    Booking = 1,
    Flag = 2,
    Audit = 3,
    Signal = 4,
}

/// <summary>One line of a number's history.</summary>
/// <summary>
/// One line of a number's timeline: its text (a message, a booking, or a stored reason) and, by kind,
/// the booking's state, the flag's reason or the audit action, which the page renders in the reader's language.
/// </summary>
public sealed record TimelineEntry(DateTime AtUtc, TimelineKind Kind, string? What, string Who)
{
    public BookingState? State { get; init; }

    public FlagReason? Flag { get; init; }

    public AuditAction? Action { get; init; }

    /// <summary>For a ring signal: what was seen, and the signal's id (the ring view's address).</summary>
    public (Core.Rings.SignalKind Kind, long Id)? Signal { get; init; }
}

/// <summary>The audit page's filters.</summary>
public sealed record AuditFilter(string? Who, AuditAction? What, DateTime? From, DateTime? To, string? Code, string? Phone);

/// <summary>One audit line as shown.</summary>
public sealed record AuditRow(DateTime AtUtc, string Actor, AuditAction Action, string? Phone, string? Reason, string? BookingCode);
