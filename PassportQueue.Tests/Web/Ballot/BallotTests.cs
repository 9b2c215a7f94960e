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
/// The ballot through the engine on a real database: entries in the entry period, refusals as for
/// bookings, one draw across nodes, winners booked with every booking invariant, notices, weights.
/// Builders.Now is 09:00 WIB on 1 December 2026: the release of 15 December (14 days ahead).
/// </summary>
public abstract class BallotTests(DatabaseProvider provider)
{
    private const string Released = "15122026";
    internal static readonly DateOnly Day = new(2026, 12, 15);
    internal static readonly DateTimeOffset AfterEntries = Builders.Now.AddMinutes(61);

    /// <summary>4 places, 1 of them priority, in two slots of two.</summary>
    public static OfficeSettings Ballot() => Builders.Settings() with
    {
        Allocation = Allocation.Ballot, ReleaseTime = new TimeOnly(9, 0), EntryMinutes = 60, DailyQuota = 4, PriorityQuota = 1, PlacesPerSlot = 2, SlotsPerDay = 2,
    };

    [SkippableFact]
    public async Task TakesEntriesInTheEntryPeriodAndRefusesAsBookingsAre()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());
        var entry = Assert.IsType<EntryReceived>(await h.SendAsync(Builders.Sender(1), $"#ANI LESTARI#25011987#{Released}"));
        Assert.Equal((Day, 1, Builders.Now.AddMinutes(60).UtcDateTime), (entry.Date, entry.Weight, entry.DrawAtUtc));
        Assert.StartsWith("E-", entry.EntryCode, StringComparison.Ordinal);

        // The same person again, from another number: one entry per person (and one personal number).
        var again = Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(1), $"#Ani Lestari#25011987#{Released}"));
        Assert.Equal(RefusalReason.AlreadyEntered, again.Reason);
        var otherNumber = Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(2), $"#ANI LESTARI#25011987#{Released}"));
        Assert.Equal(RefusalReason.PersonUsesAnotherNumber, otherNumber.Reason);

        await h.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse(Builders.Sender(3)), FlagReason.Officer, "calo", Actor.Staff("petugas"), default);
        await h.Get<IPhoneRegistry>().BlacklistAsync(PhoneNumber.Parse(Builders.Sender(3)), "calo", Actor.Staff("spv"), default);
        Assert.Equal(RefusalReason.Blacklisted, Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(3), $"#BUDI#01011990#{Released}")).Reason);

        // Tomorrow's release is not open yet: the reply says when it opens.
        var early = Assert.IsType<EntryNotOpen>(await h.SendAsync(Builders.Sender(4), "#CITRA#03031993#16122026"));
        Assert.Equal(Builders.Now.AddDays(1).UtcDateTime, early.OpensUtc);

        // A day released before the ballot existed has no draw: first come, as before.
        Assert.IsType<BookingConfirmed>(await h.SendAsync(Builders.Sender(5), "#DEWI#04041994#14122026"));
        Assert.Equal(1, await h.QueryAsync(db => db.BallotEntries.CountAsync()));
        Assert.Equal(0, await h.QueryAsync(db => db.Bookings.CountAsync(b => b.Date == Day)));
    }

    [SkippableFact]
    public async Task TheDrawBooksTheWinnersInOrderTellsEveryoneAndCanBeVerified()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());
        await EnterAsync(h, 6, priority: 1);
        // Between the close and the draw, the day's places are not first come.
        h.Clock.SetUtcNow(AfterEntries);
        Assert.Equal(RefusalReason.DrawPending, Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(50), $"#LATE#01011990#{Released}")).Reason);

        var done = Assert.Single(await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default));

        Assert.Equal(("BGR", Day, 6, 4, 4, 4), (done.OfficeCode, done.Date, done.Entrants, done.Places, done.Winners, done.Booked));
        Assert.Empty(await h.Get<BallotStore>().DrawDueAsync(AfterEntries.AddMinutes(1), Actor.System, default));
        var entries = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().OrderBy(e => e.Rank).ToListAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6], entries.Select(e => e.Rank!.Value));
        var bookings = await h.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.Date == Day).OrderBy(b => b.DayPlace).ToListAsync());
        Assert.Equal(4, bookings.Count);
        Assert.All(bookings, b => Assert.Equal(BookingState.Booked, b.State));
        Assert.Equal([0, 0, 1, 1], bookings.Select(b => b.SlotIndex));
        Assert.Equal(
            entries.Where(e => e.Result == DrawResult.Won).Select(e => e.BookingId!.Value).Order(),
            bookings.Select(b => b.Id).Order());
        // The priority place went to the balita, whatever its rank.
        Assert.Single(bookings, b => b.IsPriority && b.AgeGroup == AgeGroup.Balita);

        var outbox = await h.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(4, outbox.Count(o => o.Kind == OutboxKind.BallotWon && o.BookingId != null));
        Assert.Equal(2, outbox.Count(o => o.Kind == OutboxKind.BallotNotDrawn && o.EntryId != null));
        var standings = await h.QueryAsync(db => db.BallotStandings.AsNoTracking().ToListAsync());
        Assert.Equal((4, 2), (standings.Count(s => s.LostInARow == 0), standings.Count(s => s.LostInARow == 1)));
        Assert.All(standings, s => Assert.StartsWith("~", s.PersonKey, StringComparison.Ordinal));

        // The winners find their booking with CEK, from the number they entered with.
        var winner = entries.First(e => e.Result == DrawResult.Won);
        var status = Assert.IsType<CommandAnswered>(await h.SendAsync(winner.Phone, "CEK"));
        Assert.Equal(Day, Assert.Single(status.Bookings).Date);

        // Anyone can recompute the published draw from its seed and entries.
        var office = (await h.Get<PassportQueue.Web.Data.OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var published = (await h.Get<BallotQueries>().PublishedAsync(office, Day, AfterEntries.UtcDateTime, default))!;
        Assert.NotNull(published.Seed);
        Assert.Equal(BallotDraw.Commitment(Convert.FromHexString(published.Seed!)), published.Commitment);
        Assert.Empty(DrawVerifier.Problems(PublishedDraw.FromJson(published.ToJson())!));
        var audit = await h.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Drawn));
        Assert.Contains(published.Seed!, audit.Reason, StringComparison.Ordinal);

        // Places no entry took are first come after the draw: here none are left.
        Assert.Equal(RefusalReason.DayFull, Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(51), $"#LATE#01011990#{Released}")).Reason);
    }

    [SkippableFact]
    public async Task FewerEntrantsThanPlacesAllWinAndTheRestIsFirstCome()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());
        await EnterAsync(h, 2, priority: 0);
        h.Clock.SetUtcNow(AfterEntries);

        var done = Assert.Single(await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default));

        Assert.Equal((2, 4, 2), (done.Entrants, done.Places, done.Winners));
        Assert.IsType<BookingConfirmed>(await h.SendAsync(Builders.Sender(60), $"#SISA#01011990#{Released}"));
    }

    [SkippableFact]
    public async Task ALoserCarriesWeightIntoTheNextDraw()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot() with { DailyQuota = 1, PriorityQuota = 0 });
        await EnterAsync(h, 3, priority: 0);
        h.Clock.SetUtcNow(AfterEntries);
        await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default);
        var loser = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().FirstAsync(e => e.Result == DrawResult.NotDrawn));

        h.Clock.SetUtcNow(Builders.Now.AddDays(1).AddMinutes(1));
        var next = Assert.IsType<EntryReceived>(await h.SendAsync(loser.Phone, $"#{loser.Name}#{loser.BirthDate:ddMMyyyy}#16122026"));

        Assert.Equal(2, next.Weight);

        // A booking (here first come, for a day released before) ends the run of losses.
        h.Clock.SetUtcNow(AfterEntries.AddDays(1));
        Assert.IsType<BookingConfirmed>(await h.SendAsync(loser.Phone, $"#{loser.Name}#{loser.BirthDate:ddMMyyyy}#14122026"));
        var standings = await h.QueryAsync(db => db.BallotStandings.AsNoTracking().ToListAsync());
        var mine = h.Get<PassportQueue.Core.Retention.Pseudonyms>().Identity(loser.PersonKey);
        Assert.Equal(0, standings.Single(s => s.PersonKey == mine).LostInARow);
        Assert.Equal(1, standings.Single(s => s.PersonKey != mine && s.LostInARow > 0).LostInARow);
    }

    [SkippableFact]
    public async Task TwoNodesDrawingAtOnceDrawOnce()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());
        await EnterAsync(h, 6, priority: 1);
        await using var second = await h.SecondNodeAsync();
        h.Clock.SetUtcNow(AfterEntries);
        second.Clock.SetUtcNow(AfterEntries);

        var runs = await Task.WhenAll(
            h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default),
            second.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default));

        Assert.Equal(1, runs.Sum(r => r.Count));
        Assert.Equal(4, await h.QueryAsync(db => db.Bookings.CountAsync(b => b.Date == Day)));
        Assert.Equal(1, await h.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Drawn)));
    }

    [SkippableFact]
    public async Task CommitsToTheComingDrawsAheadAndHoldsTheirPlaces()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());

        Assert.Equal(3, await h.Get<BallotStore>().PrepareAsync(Builders.Now, default));
        Assert.Equal(0, await h.Get<BallotStore>().PrepareAsync(Builders.Now, default));

        var draws = await h.QueryAsync(db => db.BallotDraws.AsNoTracking().OrderBy(d => d.Date).ToListAsync());
        Assert.Equal([Day, Day.AddDays(1), Day.AddDays(2)], draws.Select(d => d.Date));
        Assert.All(draws, d => Assert.Equal((BallotDrawState.Open, 64, (string?)null), (d.State, d.Commitment.Length, d.Seed)));
        Assert.True(await h.QueryAsync(db => db.DayCounters.AllAsync(c => c.Held)));
    }

    [SkippableFact]
    public async Task ADrawsEntriesArePseudonymisedAfterTheRetentionAndItsListStillVerifies()
    {
        await using var h = await EngineHarness.StartAsync(provider, Ballot());
        await EnterAsync(h, 6, priority: 1);
        h.Clock.SetUtcNow(AfterEntries);
        await h.Get<BallotStore>().DrawDueAsync(AfterEntries, Actor.System, default);
        var office = (await h.Get<PassportQueue.Web.Data.OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var before = (await h.Get<BallotQueries>().PublishedAsync(office, Day, AfterEntries.UtcDateTime, default))!.ToJson();

        h.Clock.SetUtcNow(AfterEntries.AddDays(PassportQueue.Core.Retention.RetentionPolicy.DefaultDays).AddHours(1));
        await h.Get<PassportQueue.Web.Operations.Pseudonymiser>().RunAsync(default);

        var entries = await h.QueryAsync(db => db.BallotEntries.AsNoTracking().ToListAsync());
        Assert.All(entries, e => Assert.True(e.Name.StartsWith('~') && e.Phone.StartsWith('~') && e.PersonKey.StartsWith('~') && e.Address is null));
        var after = (await h.Get<BallotQueries>().PublishedAsync(office, Day, h.Clock.GetUtcNow().UtcDateTime, default))!;
        Assert.Equal(before, after.ToJson());
        Assert.Empty(DrawVerifier.Problems(after));
    }

    [SkippableFact]
    public async Task BatamEntersTheDayReleasedTodayInItsIntakeHoursAndItsDrawBooksTheWinner()
    {
        var batam = Builders.Batam() with { Allocation = Allocation.Ballot, ReleaseTime = new TimeOnly(7, 30), EntryMinutes = 150 };
        await using var h = await EngineHarness.StartAsync(provider, batam);

        var entry = Assert.IsType<EntryReceived>(await h.SendAsync(Builders.Sender(1), "#SITI#01011990#JL. ENGKU PUTRI 3", to: "+62 822-8886-2017", photo: true));
        var withoutPhoto = Assert.IsType<BookingRefused>(await h.SendAsync(Builders.Sender(2), "#RINA#01011991#JL. ENGKU PUTRI 4", to: "+62 822-8886-2017"));

        Assert.Equal(Day, entry.Date);
        Assert.Equal(RefusalReason.IdPhotoMissing, withoutPhoto.Reason);
        var closes = Builders.Office(batam).Calendar.ToUtc(new DateOnly(2026, 12, 1), new TimeOnly(10, 0));
        var done = Assert.Single(await h.Get<BallotStore>().DrawDueAsync(new DateTimeOffset(closes, TimeSpan.Zero), Actor.System, default));
        Assert.Equal(("BTM", 1, 1), (done.OfficeCode, done.Entrants, done.Booked));
        var booking = await h.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync());
        Assert.Equal(("JL. ENGKU PUTRI 3", Day), (booking.Address, booking.Date));
    }

    /// <summary>Flags and blacklists a number, as an officer and a supervisor do.</summary>
    internal static async Task BlacklistAsync(EngineHarness h, string phone)
    {
        var number = PhoneNumber.Parse(phone);
        await h.Get<IPhoneRegistry>().FlagAsync(number, FlagReason.Officer, "calo", Actor.Staff("petugas"), default);
        await h.Get<IPhoneRegistry>().BlacklistAsync(number, "calo", Actor.Staff("spv"), default);
    }

    /// <summary>Enters <paramref name="count"/> distinct applicants (the first <paramref name="priority"/> of them balita) in 15 December's draw.</summary>
    internal static async Task EnterAsync(EngineHarness h, int count, int priority)
    {
        for (var i = 0; i < count; i++)
        {
            var birth = i < priority ? "01012025" : "01011990";
            Assert.IsType<EntryReceived>(await h.SendAsync(Builders.Sender(100 + i), $"#PEMOHON {Builders.Letters(i)}#{birth}#{Released}"));
        }
    }

    public sealed class OnSqlite() : BallotTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BallotTests(DatabaseProvider.Postgres);
}
