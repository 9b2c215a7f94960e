using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Channel;

namespace PassportQueue.Tests.Web;

/// <summary>
/// Every value a person can be shown has its text in Indonesian and in English, rendered by the
/// real renderers. A missing English text would fall back to Indonesian, so each pair must differ;
/// a missing text would throw (after the outcome is stored), so each must render.
/// </summary>
public sealed class TextsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly Office Bogor = Builders.Office(Builders.Settings() with { IntakeOpens = new TimeOnly(7, 30), IntakeCloses = new TimeOnly(10, 0) });
    private static readonly IStringLocalizer Dashboard = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(DashboardText));

    public static TheoryData<RefusalReason> Refusals => [.. Enum.GetValues<RefusalReason>()];

    public static TheoryData<ParseProblem> ParseProblems => [.. Enum.GetValues<ParseProblem>()];

    public static TheoryData<Command> Commands => [.. Enum.GetValues<Command>()];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void EveryRefusalHasItsReplyInBothLanguages(RefusalReason reason)
    {
        AssertBoth(c => ReplyWriter.Write(new BookingRefused(reason, []), Bogor, Builders.Now, c));
        if (reason == RefusalReason.PersonHasActiveBooking)
        {
            AssertBoth(c => ReplyWriter.Write(new BookingRefused(reason, [], "BGR-7K3M9QX2"), Bogor, Builders.Now, c));
        }
    }

    [Theory]
    [MemberData(nameof(ParseProblems))]
    public void EveryFormatProblemHasItsReplyInBothLanguages(ParseProblem problem) =>
        AssertBoth(c => ReplyWriter.Write(new FormatRejected(problem, 2), Bogor, Builders.Now, c));

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandHasItsReplyInBothLanguages(Command command) =>
        AssertBoth(c => ReplyWriter.Write(new CommandAnswered(command, []), Bogor, Builders.Now, c));

    [Fact]
    public void EveryOtherOutcomeHasItsReplyInBothLanguages()
    {
        var booking = new BookingView("BGR-7K3M9QX2", "BGR", "BUDI", new DateOnly(1987, 1, 25), AgeGroup.Adult, true, new DateOnly(2026, 12, 2), 0,
            new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 0, 30, 0, DateTimeKind.Utc), BookingState.Booked);
        AssertBoth(c => ReplyWriter.Write(new BookingConfirmed(booking), Bogor, Builders.Now, c));
        AssertBoth(c => ReplyWriter.Write(new CommandAnswered(Command.Status, [booking]), Bogor, Builders.Now, c));
        AssertBoth(c => ReplyWriter.Write(new Throttled(), Bogor, Builders.Now, c));
        foreach (var why in Enum.GetValues<NotAcceptedReason>())
        {
            AssertBoth(c => ReplyWriter.Write(new NotAccepted(why), why == NotAcceptedReason.UnknownOfficeNumber ? null : Bogor, Builders.Now, c));
        }
    }

    [Fact]
    public void EveryBookingStateHasItsTextInBothLanguagesOnBothChannels()
    {
        foreach (var state in Enum.GetValues<BookingState>())
        {
            AssertBoth(c => WhatsAppText.Get(c, $"State_{state}"));
            AssertBoth(c => Localized($"State_{state}", c));
        }
    }

    [Fact]
    public void EveryAuditActionAndSystemReasonHasItsTextInBothLanguages()
    {
        foreach (var action in Enum.GetValues<AuditAction>())
        {
            AssertBoth(c => On(c, () => AuditText.Action(Dashboard, action)));
        }

        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            var values = code switch
            {
                ReasonCode.FlagReason => [nameof(FlagReason.NoShow)],
                ReasonCode.SignIn => ["127.0.0.1", "LockedOut"],
                ReasonCode.CheckedIn => ["7", nameof(CodeEntry.Scanned)],
                ReasonCode.RingDecision => ["3", nameof(PassportQueue.Core.Rings.RingDecision.Blacklist), "satu foto untuk lima orang"],
                _ => new[] { "7", "1" },
            };
            AssertBoth(c => On(c, () => AuditText.Reason(Dashboard, SystemReason.Of(code, values).Stored)));
        }

        foreach (var refusal in PassportQueue.Web.Accounts.SignInAudit.Details)
        {
            AssertBoth(c => Localized($"SignIn_Detail_{refusal}", c));
        }
    }

    [Fact]
    public void EveryFlagReasonStandingAndAgeGroupHasItsTextInBothLanguages()
    {
        foreach (var flag in Enum.GetValues<FlagReason>())
        {
            AssertBoth(c => Localized($"Flag_{flag}", c));
        }

        foreach (var standing in Enum.GetValues<PassportQueue.Core.Phones.PhoneStanding>())
        {
            AssertBoth(c => Localized($"Standing_{standing}", c));
        }

        foreach (var group in Enum.GetValues<AgeGroup>())
        {
            AssertBoth(c => Localized($"Age_{group}", c));
        }
    }

    [Fact]
    public void EveryBallotTextHasItsTextInBothLanguages()
    {
        AssertBoth(c => ReplyWriter.Write(new EntryReceived(new DateOnly(2026, 12, 15), "E-7K3M9QX2WD", Builders.Now.AddHours(1).UtcDateTime, 2), Bogor, Builders.Now, c));
        AssertBoth(c => ReplyWriter.Write(new EntryNotOpen(new DateOnly(2026, 12, 16), Builders.Now.AddDays(1).UtcDateTime), Bogor, Builders.Now, c));
        AssertBoth(c => NotificationWriter.NotDrawn(
            new EntryNotice("BGR", new DateOnly(2026, 12, 15), "E-7K3M9QX2WD", 5, 9, 2), Bogor, Builders.Now.UtcDateTime, c));
        var booking = new BookingView(
            "BGR-7K3M9QX2", "BGR", "BUDI", new DateOnly(1987, 1, 25), AgeGroup.Adult, true, new DateOnly(2026, 12, 15), 0,
            Builders.Now.AddDays(14).UtcDateTime, Builders.Now.AddDays(14).AddMinutes(-30).UtcDateTime, BookingState.Booked);
        foreach (var kind in Enum.GetValues<PassportQueue.Web.Data.Records.OutboxKind>().Where(k => k is not (PassportQueue.Web.Data.Records.OutboxKind.BallotNotDrawn or PassportQueue.Web.Data.Records.OutboxKind.BallotOffer
            or PassportQueue.Web.Data.Records.OutboxKind.TurnNear or PassportQueue.Web.Data.Records.OutboxKind.Called
            or PassportQueue.Web.Data.Records.OutboxKind.BookingChoices or PassportQueue.Web.Data.Records.OutboxKind.DateChoices)))
        {
            AssertBoth(c => NotificationWriter.Text(kind, booking, Bogor, c));
        }

        AssertBoth(c => ReplyWriter.Write(new ChoiceExpired(), Bogor, Builders.Now, c));
        AssertBoth(c => NotificationWriter.Turn(PassportQueue.Web.Data.Records.OutboxKind.TurnNear, new CallNotice(12, null), Bogor, c));
        AssertBoth(c => NotificationWriter.Turn(PassportQueue.Web.Data.Records.OutboxKind.Called, new CallNotice(12, "Loket 2"), Bogor, c));

        AssertBoth(c => NotificationWriter.Offer(
            new OfferNotice("BGR", new DateOnly(2026, 12, 15), booking.SlotStartUtc, booking.CheckInDeadlineUtc, Builders.Now.AddHours(2).UtcDateTime, "E-7K3M9QX2WD"), Bogor, c));
        foreach (var state in Enum.GetValues<PassportQueue.Web.Data.Records.OfferState>())
        {
            AssertBoth(c => Localized($"OfferState_{state}", c));
        }

        foreach (var result in Enum.GetValues<PassportQueue.Web.Ballot.VoidResult>())
        {
            AssertBoth(c => Localized($"Void_{result}", c));
        }

        foreach (var allocation in Enum.GetValues<PassportQueue.Core.Offices.Allocation>())
        {
            AssertBoth(c => Localized($"Allocation_{allocation}", c));
        }

        foreach (var state in Enum.GetValues<PassportQueue.Web.Data.Records.BallotDrawState>())
        {
            AssertBoth(c => Localized($"DrawState_{state}", c));
        }

        foreach (var result in Enum.GetValues<PassportQueue.Core.Ballot.DrawResult>())
        {
            AssertBoth(c => Localized($"DrawResult_{result}", c));
        }
    }

    [Fact]
    public void EveryRingAndApplicantAllyTextHasItsTextInBothLanguages()
    {
        AssertBoth(c => ReplyWriter.Write(new ReportReceived(12), Bogor, Builders.Now, c));
        var day = new DateOnly(2026, 12, 2);
        var slot = new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc);
        foreach (var standing in new QueueStanding[]
        {
            new("BGR-7K3M9QX2", day.AddDays(1), BookingState.Booked, slot.AddDays(1), slot.AddDays(1).AddMinutes(-30), null, null, null),
            new("BGR-7K3M9QX2", day, BookingState.Booked, slot, slot.AddMinutes(-30), null, null, null),
            new("BGR-7K3M9QX2", day, BookingState.Arrived, slot, slot.AddMinutes(-30), 4, 2, null),
            new("BGR-7K3M9QX2", day, BookingState.Arrived, slot, slot.AddMinutes(-30), 4, null, "Loket 1"),
            new("BGR-7K3M9QX2", day, BookingState.Completed, slot, slot.AddMinutes(-30), 4, null, "Loket 1"),
        })
        {
            AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [standing], []), Bogor, Builders.Now, c));
            AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [standing], [new CounterServing("Loket 1", 3)]), Bogor, Builders.Now, c));
        }

        AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [], []), Bogor, Builders.Now, c));
        foreach (var standing in Enum.GetValues<CodeStanding>())
        {
            AssertBoth(c => ReplyWriter.Write(new CodeChecked("BGR-7K3M9QX2", standing, "Kantor Imigrasi Bogor", new DateOnly(2026, 12, 2)), Bogor, Builders.Now, c));
        }

        foreach (var kind in Enum.GetValues<PassportQueue.Core.Rings.SignalKind>())
        {
            AssertBoth(c => Localized($"Signal_{kind}", c));
            AssertBoth(c => On(c, () => Dashboard[$"SignalText_{kind}", "2026-12-01", "4", "3", "2"].Value));
        }

        foreach (var kind in Enum.GetValues<PassportQueue.Core.Rings.NodeKind>())
        {
            AssertBoth(c => Localized($"Node_{kind}", c));
        }

        foreach (var decision in Enum.GetValues<PassportQueue.Core.Rings.RingDecision>())
        {
            AssertBoth(c => Localized($"RingDecision_{decision}", c));
        }

        foreach (var entry in Enum.GetValues<CodeEntry>())
        {
            AssertBoth(c => Localized($"CodeEntry_{entry}", c));
        }

        foreach (var check in Enum.GetValues<PassportQueue.Core.Integrity.IntegrityCheck>())
        {
            AssertBoth(c => Localized($"Integrity_{check}", c));
        }
    }

    [Fact]
    public void EveryValidationProblemHasItsTextInBothLanguages()
    {
        foreach (var problem in Enum.GetValues<SettingsProblem>())
        {
            AssertBoth(c => Localized($"SettingsProblem_{problem}", c));
        }

        foreach (var problem in Enum.GetValues<AccountProblem>())
        {
            AssertBoth(c => Localized($"AccountProblem_{problem}", c));
        }
    }

    [Fact]
    public void ShowsATypedReasonAsItWasTyped() =>
        Assert.Equal("dokumen asli tidak dibawa", AuditText.Reason(Dashboard, "dokumen asli tidak dibawa"));

    /// <summary>Renders with the dashboard's texts in Indonesian, as an officer sees it.</summary>
    internal static string InIndonesian(Func<IStringLocalizer, string> render) => On(CultureInfo.GetCultureInfo("id"), () => render(Dashboard));

    /// <summary>Renders with the dashboard's texts in English, as an English reader would see it.</summary>
    internal static string InEnglish(Func<IStringLocalizer, string> render) => On(English, () => render(Dashboard));

    private static string Localized(string key, CultureInfo culture) => On(culture, () =>
    {
        var text = Dashboard[key];
        Assert.False(text.ResourceNotFound, $"No dashboard text '{key}'.");
        return text.Value;
    });

    private static string On(CultureInfo culture, Func<string> render)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }

    private static void AssertBoth(Func<CultureInfo, string> render)
    {
        var indonesian = render(WhatsAppText.Indonesian);
        var english = render(English);

        Assert.False(string.IsNullOrWhiteSpace(indonesian));
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.NotEqual(indonesian, english);
    }
}
