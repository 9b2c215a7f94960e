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
using PassportQueue.Web.Offices;

namespace PassportQueue.Tests.Web;

/// <summary>
/// Every value a person can be shown has its text in Indonesian and in English, rendered by the
/// real renderers. A missing English text would fall back to Indonesian, so each pair must differ;
/// a missing text would throw (after the outcome is stored), so each must render.
/// </summary>
public sealed partial class TextsTests
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
        EntryStanding[] entries =
        [
            new("E-7K3M9QX2AB", booking.Date, booking.SlotStartUtc, null, null, null),
            new("E-7K3M9QX2AC", booking.Date, booking.SlotStartUtc, true, 1, 9),
            new("E-7K3M9QX2AD", booking.Date, booking.SlotStartUtc, false, 5, 9),
        ];
        AssertBoth(c => ReplyWriter.Write(new CommandAnswered(Command.Status, [], entries), Bogor, Builders.Now, c));
        AssertBoth(c => ReplyWriter.Write(new Throttled(), Bogor, Builders.Now, c));
        var skipped = new QueueStanding(booking.Code, booking.Date, BookingState.Arrived, booking.SlotStartUtc, booking.CheckInDeadlineUtc, 3, null, "Loket 1", Skipped: true);
        AssertBoth(c => ReplyWriter.Write(new QueueAnswered(booking.Date, [skipped], []), Bogor, Builders.Now, c));
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
    public void NamesEverySettingOfAnOfficeInBothLanguages()
    {
        foreach (var setting in typeof(OfficeSettings).GetProperties().Where(p => p.CanWrite))
        {
            AssertBoth(c => Localized($"SettingName_{setting.Name}", c));
        }
    }

    [Fact]
    public void RendersAChangedSettingByItsLabelInTheReadersLanguage()
    {
        var stored = SystemReason.Of(ReasonCode.SettingsChanged, OfficeSettingsEditor.Differences(
            Builders.Settings() with { DailyQuota = 100 }, Builders.Settings() with { DailyQuota = 40, PriorityFirst = false }), "2").Stored;

        Assert.Equal("Kuota per hari: 100 → 40; Panggil balita dan lansia lebih dahulu: true → false (hari yang sudah dibuka: 2)", InIndonesian(l => AuditText.Reason(l, stored)));
        Assert.Equal("Daily quota: 100 → 40; Call balita and lansia first: true → false (days already open: 2)", InEnglish(l => AuditText.Reason(l, stored)));
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
