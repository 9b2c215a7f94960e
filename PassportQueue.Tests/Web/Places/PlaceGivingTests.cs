using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Tests.Web.Ballot;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Ballot;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Places;

/// <summary>
/// One way to a place: first come, a drawn winner and an accepted offer are each decided by Core's
/// <see cref="Core.Bookings.Admission.AdmissionRules"/> on the facts stored at that moment. Here the
/// rule is the blacklist, applied to a number blacklisted after the person asked: each way refuses
/// with the same reason and takes no place. The ballot day is BallotTests' (4 places, 1 priority).
/// </summary>
public abstract class PlaceGivingTests(DatabaseProvider provider)
{
    private static readonly DateOnly Day = BallotTests.Day;
    private static readonly DateTimeOffset AfterEntries = BallotTests.AfterEntries;

    [SkippableFact]
    public async Task RefusesFirstComeFromANumberBlacklistedBeforeTheMessage()
    {
        await using var h = await EngineHarness.StartAsync(provider, Builders.Settings());
        await BallotTests.BlacklistAsync(h, Builders.Sender(1));

        var refused = Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(1), "#ANI LESTARI#25011987#14122026"));

        Assert.Equal(RefusalReason.Blacklisted, refused.Reason);
        Assert.Equal(0, await h.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.DayCounters.SumAsync(c => c.OpenTaken + c.PriorityTaken)));
    }

    [SkippableFact]
    public async Task RefusesADrawnWinnerWhoseNumberWasBlacklistedAfterTheClose()
    {
        await using var h = await EngineHarness.StartAsync(provider, BallotTests.Ballot());
        await BallotTests.EnterAsync(h, 2, priority: 0);
        h.Clock.SetUtcNow(AfterEntries);
        var entries = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        await BallotTests.BlacklistAsync(h, entries[0].Phone);

        var done = Assert.Single(await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default));

        Assert.Equal((2, 2, 1), (done.Entrants, done.Winners, done.Booked));
        var bookings = await h.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.Date == Day).ToListAsync());
        Assert.Equal(entries[1].Phone, Assert.Single(bookings).Phone);
        // The refused winner took no place: three of the day's four places are still there.
        Assert.Equal(1, await h.QueryAsync(db => db.DayCounters.Where(c => c.Date == Day).SumAsync(c => c.OpenTaken + c.PriorityTaken)));
    }

    [SkippableFact]
    public async Task RefusesAnAcceptedOfferWhoseNumberWasBlacklistedAfterTheOfferAndOffersItOn()
    {
        await using var h = await EngineHarness.StartAsync(provider, BallotTests.Ballot());
        var (freedCode, losers) = await DrawAndBlacklistAWinnerAsync(h);
        Assert.Equal(VoidResult.VoidedAndOffered, await h.Get<BallotStore>().VoidAsync("BGR", freedCode, "calo", Actor.Staff("spv"), AfterEntries, default));
        await BallotTests.BlacklistAsync(h, losers[0].Phone);

        var refused = Assert.IsType<BookingRefused>(await h.SendAsync(losers[0].Phone, "YA"));

        Assert.Equal(RefusalReason.Blacklisted, refused.Reason);
        Assert.Equal(0, await h.QueryAsync(db => db.Bookings.CountAsync(b => b.Phone == losers[0].Phone)));
        var offers = await h.QueryAsync(db => db.BallotOffers.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
        Assert.Equal([(losers[0].Id, OfferState.Expired), (losers[1].Id, OfferState.Pending)], offers.Select(o => (o.EntryId, o.State)));
        Assert.IsType<BookingConfirmed>(await h.SendAsync(losers[1].Phone, "YA"));
    }

    [SkippableFact]
    public async Task PassesOverABlacklistedEntrantWhenOfferingAFreedPlace()
    {
        await using var h = await EngineHarness.StartAsync(provider, BallotTests.Ballot());
        var (freedCode, losers) = await DrawAndBlacklistAWinnerAsync(h);
        await BallotTests.BlacklistAsync(h, losers[0].Phone);

        Assert.Equal(VoidResult.VoidedAndOffered, await h.Get<BallotStore>().VoidAsync("BGR", freedCode, "calo", Actor.Staff("spv"), AfterEntries, default));

        var offer = await h.QueryAsync(db => db.BallotOffers.AsNoTracking().SingleAsync());
        Assert.Equal(losers[1].Id, offer.EntryId);
    }

    /// <summary>Six entrants for four places; the first open-share winner's number is blacklisted. Returns its code and the two losers in draw order.</summary>
    private static async Task<(string FreedCode, List<BallotEntryRecord> Losers)> DrawAndBlacklistAWinnerAsync(EngineHarness h)
    {
        await BallotTests.EnterAsync(h, 6, priority: 1);
        h.Clock.SetUtcNow(AfterEntries);
        await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default);
        var calo = await h.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.Date == Day && !b.IsPriority).OrderBy(b => b.DayPlace).FirstAsync());
        await BallotTests.BlacklistAsync(h, calo.Phone);
        var losers = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().Where(e => e.Result == DrawResult.NotDrawn).OrderBy(e => e.Rank).ToListAsync());
        Assert.Equal(2, losers.Count);
        return (calo.Code, losers);
    }

    public sealed class OnSqlite() : PlaceGivingTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PlaceGivingTests(DatabaseProvider.Postgres);
}
