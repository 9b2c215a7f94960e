using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Tests.Web.Data;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Ballot;

namespace PassportQueue.Tests.Web.Ballot;

/// <summary>
/// A freed place (a blacklisted winner's booking voided by a supervisor) goes to the next entrant of the day's draw by an
/// offer taken with YA before it expires; an expired offer moves on. The day is BallotTests' (4 places, 1 priority).
/// </summary>
public abstract class BallotOfferTests(DatabaseProvider provider)
{
    private static readonly DateOnly Day = BallotTests.Day;
    private static readonly DateTimeOffset AfterEntries = BallotTests.AfterEntries;

    [SkippableFact]
    public async Task AFreedPlaceGoesToTheNextEntrantInDrawOrderWhoSaysYaInTime()
    {
        await using var h = await EngineHarness.StartAsync(provider, BallotTests.Ballot());
        await BallotTests.EnterAsync(h, 6, priority: 1);
        h.Clock.SetUtcNow(AfterEntries);
        await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default);
        var entries = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().OrderBy(e => e.Rank).ToListAsync());
        var bookings = await h.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.Date == Day && !b.IsPriority).OrderBy(b => b.DayPlace).ToListAsync());
        var (calo, second) = (bookings[0], bookings[1]);
        var losers = entries.Where(e => e.Result == DrawResult.NotDrawn).ToList();
        var store = h.Get<BallotStore>();

        Assert.Equal(VoidResult.NotBlacklisted, await store.VoidAsync("BGR", calo.Code, "calo", Actor.Staff("spv"), AfterEntries, default));
        await BallotTests.BlacklistAsync(h, calo.Phone);
        await BallotTests.BlacklistAsync(h, second.Phone);
        Assert.Equal(VoidResult.ReasonRequired, await store.VoidAsync("BGR", calo.Code, "  ", Actor.Staff("spv"), AfterEntries, default));
        Assert.Equal(VoidResult.NotFound, await store.VoidAsync("BGR", "BGR-00000000", "calo", Actor.Staff("spv"), AfterEntries, default));

        Assert.Equal(VoidResult.VoidedAndOffered, await store.VoidAsync("BGR", calo.Code, "terbukti calo", Actor.Staff("spv"), AfterEntries, default));

        var voided = await h.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == calo.Id));
        Assert.Equal((BookingState.Voided, "terbukti calo", calo.Code), (voided.State, voided.StateReason, voided.Code));
        var offer = await h.QueryAsync(db => db.BallotOffers.AsNoTracking().SingleAsync());
        Assert.Equal(losers[0].Id, offer.EntryId);
        Assert.Single(await h.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == OutboxKind.BallotOffer && o.EntryId == losers[0].Id).ToListAsync()));
        Assert.Equal(Command.Accept, Assert.IsType<CommandAnswered>(await h.SendAsync(losers[1].Phone, "YA")).Command);

        var taken = Assert.IsType<BookingConfirmed>(await h.SendAsync(losers[0].Phone, "ya"));

        var placed = await h.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == taken.Booking.Code));
        Assert.Equal((calo.DayPlace, calo.SlotIndex, Day), (placed.DayPlace, placed.SlotIndex, placed.Date));
        Assert.Equal(OfferState.Accepted, (await h.QueryAsync(db => db.BallotOffers.AsNoTracking().SingleAsync())).State);

        // The next freed place goes to the last one left; unanswered, the offer runs out and nobody is left.
        Assert.Equal(VoidResult.VoidedAndOffered, await store.VoidAsync("BGR", second.Code, "calo", Actor.Staff("spv"), AfterEntries, default));
        Assert.Equal(0, await store.ExpireOffersAsync(AfterEntries.AddMinutes(119), default));
        Assert.Equal(1, await store.ExpireOffersAsync(AfterEntries.AddMinutes(121), default));
        Assert.Equal(
            [OfferState.Accepted, OfferState.Expired],
            (await h.QueryAsync(db => db.BallotOffers.AsNoTracking().OrderBy(o => o.Id).ToListAsync())).Select(o => o.State));
        h.Clock.SetUtcNow(AfterEntries.AddMinutes(122));
        Assert.IsType<CommandAnswered>(await h.SendAsync(losers[1].Phone, "YA"));
        Assert.Equal(1, await h.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.OfferExpired)));
        Assert.Equal(2, await h.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Voided)));
    }

    public sealed class OnSqlite() : BallotOfferTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BallotOfferTests(DatabaseProvider.Postgres);
}
