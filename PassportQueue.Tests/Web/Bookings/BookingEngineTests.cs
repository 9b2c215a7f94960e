using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Data;

namespace PassportQueue.Tests.Web.Bookings;

public abstract class BookingEngineTests(DatabaseProvider provider)
{
    private const string Budi = "+6281234500001";
    private const string Siti = "+6281234500002";

    [SkippableFact]
    public async Task BooksTheEarliestSlotAndStoresTheBookingWithItsAuditLine()
    {
        await using var h = await EngineHarness.StartAsync(provider);

        var booking = await h.BookAsync("whatsapp:" + Budi, "#Budi Santoso#25011987#02122026");

        Assert.Matches("^BGR-[0-9A-Z]{8}$", booking.Code);
        Assert.Equal((new DateOnly(2026, 12, 2), 0, BookingState.Booked, AgeGroup.Adult, true),
            (booking.Date, booking.SlotIndex, booking.State, booking.AgeGroup, booking.IsOwner));
        var stored = await h.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((booking.Code, Budi, "BUDI SANTOSO|1987-01-25"), (stored.Code, stored.Phone, stored.PersonKey));
        var audit = await h.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Booked).SingleAsync());
        Assert.Equal(($"wa:{Budi}", stored.Id), (audit.Actor, audit.BookingId));
    }

    [SkippableFact]
    public async Task FillsSlotsInOrderAndKeepsThePriorityShareForBalitaAndLansia()
    {
        await using var h = await EngineHarness.StartAsync(provider);

        var slots = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            slots.Add((await h.BookAsync($"+62812345000{i:D2}", $"#Adult Number{(char)('A' + i)}#01011990#02122026")).SlotIndex);
        }

        var fourthAdult = Assert.IsType<BookingRefused>(await h.SendAsync("+6281234500004", "#Adult Four#01011990#02122026"));
        var balita = await h.BookAsync("+6281234500001", "#Kecil Satu#01012024#02122026");
        var secondBalita = Assert.IsType<BookingRefused>(await h.SendAsync("+6281234500002", "#Kecil Dua#01012024#02122026"));

        Assert.Equal([0, 0, 1], slots);
        Assert.Equal(RefusalReason.DayFull, fourthAdult.Reason);
        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 7)], fourthAdult.NextDates);
        Assert.Equal((1, AgeGroup.Balita, false), (balita.SlotIndex, balita.AgeGroup, balita.IsOwner));
        Assert.Equal(RefusalReason.DayFull, secondBalita.Reason);
        var counter = await h.QueryAsync(db => db.DayCounters.SingleAsync());
        Assert.Equal((3, 1), (counter.OpenTaken, counter.PriorityTaken));
        Assert.Equal(4, await h.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task AnswersARetriedMessageWithTheSameOutcomeAndBooksOnce()
    {
        await using var h = await EngineHarness.StartAsync(provider);

        var first = await h.SendAsync(Budi, "#BUDI#25011987#02122026", messageId: "SM-retry");
        var retry = await h.SendAsync(Budi, "#BUDI#25011987#02122026", messageId: "SM-retry");

        Assert.Equal(Assert.IsType<BookingConfirmed>(first).Booking.Code, Assert.IsType<BookingConfirmed>(retry).Booking.Code);
        Assert.Equal(1, await h.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await h.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task RejectsSecondAdultFromSameNumberAndFlagsIt()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await h.BookAsync(Budi, "#BUDI#25011987#02122026");

        var other = Assert.IsType<BookingRefused>(await h.SendAsync(Budi, "#JOKO#01011980#03122026"));

        Assert.Equal(RefusalReason.NumberBelongsToAnotherAdult, other.Reason);
        var phone = await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Budi));
        Assert.Equal(PhoneStanding.Flagged, phone.Standing);
        Assert.Equal(FlagReason.AnotherAdult, (await h.QueryAsync(db => db.PhoneFlags.SingleAsync())).Reason);
        Assert.Equal(1, await h.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task LetsAParentBookABalitaAndAFamilyMemberBookALansia()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await h.BookAsync(Budi, "#BUDI#25011987#02122026");

        var balita = await h.BookAsync(Budi, "#ANI#10032023#03122026");
        var lansia = await h.BookAsync(Budi, "#SLAMET#17081950#03122026");

        Assert.Equal((AgeGroup.Balita, false), (balita.AgeGroup, balita.IsOwner));
        Assert.Equal((AgeGroup.Lansia, false), (lansia.AgeGroup, lansia.IsOwner));
        Assert.Equal(2, (await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Budi))).Dependants);
    }

    [SkippableFact]
    public async Task LimitsHowManyBalitaAndLansiaOneNumberRegisters()
    {
        await using var h = await EngineHarness.StartAsync(provider, 
            new Dictionary<string, string?> { ["Booking:MaxDependantsPerNumber"] = "1" }, Builders.Settings() with { DailyQuota = 20, PlacesPerSlot = 10 });
        await h.BookAsync(Budi, "#ANI#10032023#02122026");

        var second = Assert.IsType<BookingRefused>(await h.SendAsync(Budi, "#SLAMET#17081950#02122026"));

        Assert.Equal(RefusalReason.TooManyDependants, second.Reason);
        Assert.Equal(1, (await h.QueryAsync(db => db.Phones.SingleAsync(p => p.Number == Budi))).Dependants);
    }

    [SkippableFact]
    public async Task RefusesASecondActiveBookingAndTellsTheOwnerTheirCode()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");

        var again = Assert.IsType<BookingRefused>(await h.SendAsync(Budi, "#budi#25-01-1987#03122026"));

        Assert.Equal((RefusalReason.PersonHasActiveBooking, booking.Code), (again.Reason, again.ExistingCode));
    }

    [SkippableFact]
    public async Task FlagsTheSamePersonBookingFromAnotherNumberWithoutRevealingTheCode()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await h.BookAsync(Budi, "#BUDI#25011987#02122026");

        var elsewhere = Assert.IsType<BookingRefused>(await h.SendAsync(Siti, "#BUDI#25011987#03122026"));

        Assert.Equal((RefusalReason.PersonHasActiveBooking, (string?)null), (elsewhere.Reason, elsewhere.ExistingCode));
        var flag = await h.QueryAsync(db => db.PhoneFlags.SingleAsync());
        Assert.Equal((Siti, FlagReason.SeveralNumbers), (flag.Phone, flag.Reason));
    }

    [SkippableFact]
    public async Task RefusesAnAdultWhoOwnsAnotherNumberEvenWithoutAnActiveBooking()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await h.Counter.ForfeitLateAsync(null, Actor.System, CancellationToken.None));

        var fromOther = Assert.IsType<BookingRefused>(await h.SendAsync(Siti, "#BUDI#25011987#03122026"));

        Assert.Equal(RefusalReason.PersonUsesAnotherNumber, fromOther.Reason);
        Assert.NotNull(booking);
    }

    [SkippableFact]
    public async Task LetsAnApplicantWhoseCodeWasForfeitedRegisterAgain()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var first = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        await h.Counter.ForfeitLateAsync(null, Actor.System, CancellationToken.None);

        var second = await h.BookAsync(Budi, "#BUDI#25011987#03122026");

        Assert.NotEqual(first.Code, second.Code);
        Assert.Equal(BookingState.Forfeited, (await h.QueryAsync(db => db.Bookings.SingleAsync(b => b.Code == first.Code))).State);
    }

    [SkippableFact]
    public async Task RefusesABlacklistedNumberAndKeepsItsExistingBooking()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var booking = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        await h.Get<IPhoneRegistry>().BlacklistAsync(PhoneNumber.Parse(Budi), "calo", Actor.Staff("spv@bgr"), CancellationToken.None);

        var refused = Assert.IsType<BookingRefused>(await h.SendAsync(Budi, "#ANI#10032023#03122026"));

        Assert.Equal(RefusalReason.Blacklisted, refused.Reason);
        Assert.Equal(BookingState.Booked, (await h.QueryAsync(db => db.Bookings.SingleAsync(b => b.Code == booking.Code))).State);
    }

    [SkippableFact]
    public async Task AnswersStatusWithTheNumbersActiveBookings()
    {
        await using var h = await EngineHarness.StartAsync(provider);
        var own = await h.BookAsync(Budi, "#BUDI#25011987#02122026");
        var child = await h.BookAsync(Budi, "#ANI#10032023#03122026");

        var status = Assert.IsType<CommandAnswered>(await h.SendAsync(Budi, "cek"));

        Assert.Equal(Command.Status, status.Command);
        Assert.Equal([own.Code, child.Code], status.Bookings.Select(b => b.Code));
    }

    [SkippableFact]
    public async Task StoresAFormatErrorAsTheMessagesOutcomeAndBooksNothing()
    {
        await using var h = await EngineHarness.StartAsync(provider);

        var rejected = Assert.IsType<FormatRejected>(await h.SendAsync(Budi, "#BUDI#25011987"));

        Assert.Equal((ParseProblem.WrongFieldCount, 2), (rejected.Problem, rejected.FieldCount));
        Assert.Equal(0, await h.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await h.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("+62 811-0000-000", Budi)]
    [InlineData("+62 811-1100-333", "not-a-number")]
    public async Task StoresNothingForAnUnknownOfficeOrSender(string to, string from)
    {
        await using var h = await EngineHarness.StartAsync(provider);

        Assert.IsType<NotAccepted>(await h.SendAsync(from, "#BUDI#25011987#02122026", to));

        Assert.Equal(0, await h.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task GivesBatamApplicantsTheEarliestDateWithAPlace()
    {
        await using var h = await EngineHarness.StartAsync(provider, Builders.Batam());
        var dates = new List<DateOnly>();
        for (var i = 1; i <= 4; i++)
        {
            var booking = await h.BookAsync($"+62812345000{i:D2}", $"#Warga Batam {(char)('A' + i)}#01011990#Jl. Engku Putri {i}", "+62 822-8886-2017", photo: true);
            dates.Add(booking.Date);
        }

        Assert.Equal([new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)], dates);
    }

    public sealed class OnSqlite() : BookingEngineTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BookingEngineTests(DatabaseProvider.Postgres);
}
