using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Ballot;

/// <summary>A draw as pages show it: never a name, a number or a birth date; entries by their public codes only.</summary>
/// <param name="Date">The day drawn for.</param>
/// <param name="OpensUtc">When entries opened (or open).</param>
/// <param name="ClosesUtc">When entries closed (or close) and the draw runs.</param>
/// <param name="State">Open or drawn.</param>
/// <param name="Commitment">SHA-256 of the seed; shown from the release on.</param>
/// <param name="Seed">The seed, once drawn.</param>
/// <param name="Entries">Entries so far (live while open).</param>
/// <param name="Places">Places drawn for (after the draw).</param>
/// <param name="Winners">Entries drawn (after the draw).</param>
/// <param name="Booked">Entrants holding their booking from the draw or a freed place (counted only for staff pages; 0 otherwise).</param>
public sealed record DrawSummary(
    DateOnly Date, DateTime OpensUtc, DateTime ClosesUtc, BallotDrawState State, string Commitment, string? Seed, int Entries, int Places, int Winners, int Booked);

/// <summary>The public and supervisor views of the ballot.</summary>
public sealed class BallotQueries(IDbContextFactory<PassportQueueDbContext> contexts)
{
    /// <summary>
    /// An office's draws, latest day first: released ones only when <paramref name="releasedBy"/> is set
    /// (the public page), days in [<paramref name="from"/>, <paramref name="to"/>] when given (reports).
    /// A drawn day's entrants are read from the draw; only an open one's are counted (live). How many
    /// winners hold their booking is counted only when <paramref name="withBooked"/> asks (staff pages):
    /// the public page, read by very many at a release, never scans a draw's entries.
    /// </summary>
    public async Task<IReadOnlyList<DrawSummary>> DrawsAsync(
        int officeId, DateTime? releasedBy, int take, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, bool withBooked = false)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var draws = db.BallotDraws.AsNoTracking().Where(d => d.OfficeId == officeId);
        if (releasedBy is { } now)
        {
            // Before its release a draw's commitment is not shown: nothing about a day is public before it opens.
            draws = draws.Where(d => d.OpensAtUtc <= now);
        }

        if (from is { } first)
        {
            draws = draws.Where(d => d.Date >= first);
        }

        if (to is { } last)
        {
            draws = draws.Where(d => d.Date <= last);
        }

        return await draws.OrderByDescending(d => d.Date).Take(take)
            .Select(d => new DrawSummary(
                d.Date, d.OpensAtUtc, d.ClosesAtUtc, d.State, d.Commitment, d.Seed,
                d.State == BallotDrawState.Drawn ? d.Entrants : db.BallotEntries.Count(e => e.DrawId == d.Id),
                d.PriorityPlaces + d.OpenPlaces,
                d.Winners,
                withBooked && d.State == BallotDrawState.Drawn ? db.BallotEntries.Count(e => e.DrawId == d.Id && e.BookingId != null) : 0))
            .ToListAsync(ct);
    }

    /// <summary>For supervisors: a draw's entries in draw order (by entry time before the draw), with the winners' booking codes.</summary>
    public async Task<IReadOnlyList<EntryRow>> EntriesAsync(int officeId, DateOnly date, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.BallotEntries.AsNoTracking()
            .Where(e => db.BallotDraws.Any(d => d.Id == e.DrawId && d.OfficeId == officeId && d.Date == date))
            .OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.CreatedAtUtc)
            .Take(take)
            .Select(e => new EntryRow(
                e.EntryCode, e.Weight, e.AgeGroup != AgeGroup.Adult, e.Rank, e.Result, e.CreatedAtUtc,
                db.Bookings.Where(b => b.Id == e.BookingId).Select(b => b.Code).FirstOrDefault(),
                db.BallotOffers.Where(o => o.EntryId == e.Id).Select(o => (OfferState?)o.State).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Drawn days from <paramref name="from"/> on whose leftover places are first come now, with how many are left.</summary>
    public async Task<IReadOnlyList<(DateOnly Date, int Left)>> LeftoverAsync(int officeId, DateOnly from, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var days = await db.DayCounters.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.Date >= from && !c.Held
                && db.BallotDraws.Any(d => d.OfficeId == officeId && d.Date == c.Date && d.State == BallotDrawState.Drawn))
            .OrderBy(c => c.Date)
            .Select(c => new { c.Date, Left = c.Quota - c.OpenTaken - c.PriorityTaken })
            .ToListAsync(ct);
        return [.. days.Where(d => d.Left > 0).Select(d => (d.Date, d.Left))];
    }

    /// <summary>A released draw as published (<c>draw.json</c>): what <c>ballot verify</c> checks. Null before its release or when there is none.</summary>
    public async Task<PublishedDraw?> PublishedAsync(Office office, DateOnly date, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var draw = await db.BallotDraws.AsNoTracking().SingleOrDefaultAsync(d => d.OfficeId == office.Id && d.Date == date && d.OpensAtUtc <= now, ct);
        if (draw is null)
        {
            return null;
        }

        var entries = await db.BallotEntries.AsNoTracking().Where(e => e.DrawId == draw.Id)
            .OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.EntryCode)
            .Select(e => new PublishedEntry(e.EntryCode, e.Weight, e.AgeGroup == AgeGroup.Adult ? EntryGroup.Open : EntryGroup.Priority, e.Rank ?? 0, e.Result))
            .ToListAsync(ct);
        return new PublishedDraw(BallotDraw.Method, office.Code, date, draw.Commitment, draw.Seed, draw.PriorityPlaces, draw.OpenPlaces, entries);
    }
}

/// <summary>One entry as the supervisors' draw page lists it.</summary>
public sealed record EntryRow(string EntryCode, int Weight, bool Priority, int? Rank, DrawResult? Result, DateTime EnteredAtUtc, string? BookingCode, OfferState? Offer);
