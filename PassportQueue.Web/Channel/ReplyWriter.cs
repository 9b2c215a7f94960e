using System.Globalization;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The one place where an outcome becomes the text an applicant reads: Indonesian by default,
/// office-local dates and times with WIB, WITA or WIT, and never more than WhatsApp's 1,600
/// characters.
/// </summary>
public static class ReplyWriter
{
    /// <summary>Longest reply sent as one WhatsApp message (Twilio's limit, the strictest of the providers).</summary>
    public const int MaxLength = 1600;

    /// <summary>The reply to a message's outcome at an office.</summary>
    public static string Write(MessageOutcome outcome, Office? office, DateTimeOffset now, CultureInfo? culture = null)
    {
        var c = culture ?? WhatsAppText.Indonesian;
        var text = (outcome, office) switch
        {
            (NotAccepted { Why: not NotAcceptedReason.UnknownOfficeNumber } not, { } o) => WhatsAppText.Get(c, $"NotAccepted_{not.Why}", o.Settings.Name),
            (NotAccepted, _) or (_, null) => WhatsAppText.Get(c, "NotAccepted"),
            (Throttled, _) => WhatsAppText.Get(c, "Throttled"),
            (BookingConfirmed confirmed, { } o) => Booked(c, o, confirmed.Booking),
            (BookingRefused refused, { } o) => Refused(c, o, refused, now),
            (FormatRejected rejected, { } o) => Format(c, o, rejected, now),
            (CommandAnswered answered, { } o) => Command(c, o, answered, now),
            (EntryReceived entry, { } o) => WhatsAppText.Get(
                c, "Entered", Date(c, entry.Date), o.Settings.Name, entry.EntryCode, $"{OfficeTime.Date(c, o.Calendar.LocalDate(new DateTimeOffset(entry.DrawAtUtc, TimeSpan.Zero)))} {Time(c, o, entry.DrawAtUtc)}", entry.Weight),
            (EntryNotOpen notOpen, { } o) => WhatsAppText.Get(
                c, "EntryNotOpen", Date(c, notOpen.Date), o.Settings.Name, OfficeTime.Date(c, o.Calendar.LocalDate(new DateTimeOffset(notOpen.OpensUtc, TimeSpan.Zero))),
                Time(c, o, notOpen.OpensUtc), o.Settings.EntryMinutes),
            (ReportReceived report, { } o) => WhatsAppText.Get(c, "Report_Received", report.ReportId, o.Settings.Name),
            (CodeChecked check, _) => CodeCheck(c, check),
            (QueueAnswered queue, { } o) => Queue(c, o, queue),
            (ChoiceExpired, { } o) => WhatsAppText.Get(c, "ChoiceExpired", (int)Core.Messages.DateChoice.Lifetime.TotalMinutes, FormatOf(c, o.Settings)),
            _ => throw new InvalidOperationException($"No reply for {outcome.GetType().Name}."),
        };
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static string Date(CultureInfo c, DateOnly date) => OfficeTime.Date(c, date);

    private static string Time(CultureInfo c, Office office, DateTime utc) => OfficeTime.Time(c, office, utc);

    private static string Clock(CultureInfo c, TimeOnly time, Office office) => OfficeTime.Clock(c, time, office.Calendar);

    private static string Booked(CultureInfo c, Office office, BookingView b) => WhatsAppText.Get(
        c, "Booked", b.Code, b.Name, office.Settings.Name, Date(c, b.Date), Time(c, office, b.SlotStartUtc),
        Time(c, office, b.CheckInDeadlineUtc), office.Settings.ArriveMinutesBefore, Documents(office));

    private static string Refused(CultureInfo c, Office office, BookingRefused r, DateTimeOffset now)
    {
        var s = office.Settings;
        var text = r.Reason switch
        {
            RefusalReason.Blacklisted => WhatsAppText.Get(c, "Refused_Blacklisted", s.Name),
            RefusalReason.OutsideIntakeHours => WhatsAppText.Get(
                c, "Refused_OutsideIntakeHours", s.Name, Clock(c, s.IntakeOpens ?? TimeOnly.MinValue, office), Clock(c, s.IntakeCloses ?? TimeOnly.MaxValue, office)),
            RefusalReason.IdPhotoMissing => WhatsAppText.Get(c, "Refused_IdPhotoMissing", s.Name, FormatOf(c, s), ExampleOf(c, s, DateOnly.MinValue)),
            RefusalReason.DateInPast => WhatsAppText.Get(c, "Refused_DateInPast", Date(c, BookingPlanner.FirstBookableDate(office.Calendar, now))),
            RefusalReason.DateOutsideWindow => WhatsAppText.Get(c, "Refused_DateOutsideWindow", s.WindowEndDays),
            RefusalReason.NoPlacesInWindow => WhatsAppText.Get(c, "Refused_NoPlacesInWindow", s.Name, s.WindowEndDays),
            RefusalReason.PersonHasActiveBooking when r.ExistingCode is { } code => WhatsAppText.Get(c, "Refused_PersonHasActiveBooking_Own", code),
            var reason => WhatsAppText.Get(c, $"Refused_{reason}"),
        };
        return r.OffersDates ? text + "\n" + NextDates(c, office, r.NextDates) : text;
    }

    private static string NextDates(CultureInfo c, Office office, IReadOnlyList<DateOnly> dates) =>
        dates.Count == 0
            ? WhatsAppText.Get(c, "NoNextDates", office.Settings.WindowEndDays)
            : WhatsAppText.Get(c, "NextDates", string.Join("; ", dates.Select(d => $"{Date(c, d)} ({d.ToString("ddMMyyyy", CultureInfo.InvariantCulture)})")));

    private static string Format(CultureInfo c, Office office, FormatRejected rejected, DateTimeOffset now)
    {
        var s = office.Settings;
        var tomorrow = BookingPlanner.FirstBookableDate(office.Calendar, now);
        var reason = rejected.Problem switch
        {
            ParseProblem.WrongFieldCount => WhatsAppText.Get(c, "Format_WrongFieldCount", rejected.FieldCount),
            ParseProblem.ArrivalDateInvalid => WhatsAppText.Get(c, "Format_ArrivalDateInvalid", tomorrow.ToString("ddMMyyyy", CultureInfo.InvariantCulture)),
            var problem => WhatsAppText.Get(c, $"Format_{problem}"),
        };
        return WhatsAppText.Get(c, "Format_Intro", reason) + "\n" + WhatsAppText.Get(c, "Format_Correct", FormatOf(c, s), ExampleOf(c, s, tomorrow));
    }

    private static string Command(CultureInfo c, Office office, CommandAnswered answered, DateTimeOffset now)
    {
        var s = office.Settings;
        return answered.Command switch
        {
            Core.Messages.Command.Status when answered.Bookings.Count == 0 && answered.Entries is null or [] => WhatsAppText.Get(c, "Status_None", FormatOf(c, s)),
            Core.Messages.Command.Status => string.Join("\n", answered.Bookings.Select(b => WhatsAppText.Get(
                c, "Status_Line", b.Code, b.Name, Date(c, b.Date), Time(c, office, b.SlotStartUtc), Time(c, office, b.CheckInDeadlineUtc),
                WhatsAppText.Get(c, $"State_{b.State}"))).Prepend(WhatsAppText.Get(c, "Status_Header"))
                .Concat((answered.Entries ?? []).Select(e => Entry(c, office, e)))),
            Core.Messages.Command.Documents => WhatsAppText.Get(c, "Documents", s.Name, Documents(office)),
            Core.Messages.Command.Cancel => WhatsAppText.Get(c, "Cancel"),
            Core.Messages.Command.LostOrDamaged => WhatsAppText.Get(c, "LostOrDamaged", s.Name),
            Core.Messages.Command.Accept => WhatsAppText.Get(c, "Accept_None"),
            Core.Messages.Command.Report => WhatsAppText.Get(c, "Report_Usage"),
            Core.Messages.Command.VerifyCode => WhatsAppText.Get(c, "CodeCheck_Usage"),
            _ => WhatsAppText.Get(
                c, "Help", s.Name, FormatOf(c, s), ExampleOf(c, s, BookingPlanner.FirstBookableDate(office.Calendar, now)),
                s.IntakeOpens is { } opens && s.IntakeCloses is { } closes
                    ? WhatsAppText.Get(c, "Help_Hours", Clock(c, opens, office), Clock(c, closes, office))
                    : WhatsAppText.Get(c, "Help_AnyTime", s.WindowEndDays),
                s.ArriveMinutesBefore),
        };
    }

    private static string Queue(CultureInfo c, Office office, QueueAnswered queue)
    {
        if (queue.Standings.Count == 0)
        {
            return WhatsAppText.Get(c, "Queue_None", office.Settings.Name);
        }

        var serving = queue.Serving.Count == 0
            ? WhatsAppText.Get(c, "Queue_NobodyServed")
            : string.Join(", ", queue.Serving.Select(x => $"{x.Counter}: {x.Number.ToString(CultureInfo.InvariantCulture)}"));
        return string.Join("\n", queue.Standings.Select(q => q switch
        {
            { State: BookingState.Arrived, Skipped: true } => WhatsAppText.Get(c, "Queue_Skipped", q.QueueNumber ?? 0, q.Code),
            { State: BookingState.Arrived, CalledTo: { } counter } => WhatsAppText.Get(c, "Queue_Called", q.QueueNumber ?? 0, counter),
            { State: BookingState.Arrived } => WhatsAppText.Get(c, "Queue_Waiting", q.QueueNumber ?? 0, q.Ahead ?? 0, serving),
            { State: BookingState.Booked } when q.Date == queue.Today =>
                WhatsAppText.Get(c, "Queue_NotCheckedIn", q.Code, Time(c, office, q.SlotStartUtc), Time(c, office, q.CheckInDeadlineUtc)),
            { State: BookingState.Booked } => WhatsAppText.Get(c, "Queue_Before", q.Code, Date(c, q.Date), Time(c, office, q.SlotStartUtc), Time(c, office, q.CheckInDeadlineUtc)),
            _ => WhatsAppText.Get(c, "Queue_Ended", q.Code, WhatsAppText.Get(c, $"State_{q.State}")),
        }));
    }

    /// <summary>A draw entry as CEK tells it: before the draw, when it runs; after, the result and rank.</summary>
    private static string Entry(CultureInfo c, Office office, EntryStanding e) => e.Won switch
    {
        null => WhatsAppText.Get(c, "Status_EntryOpen", e.EntryCode, Date(c, e.Date), Date(c, office.Calendar.LocalDate(new DateTimeOffset(e.DrawAtUtc, TimeSpan.Zero))), Time(c, office, e.DrawAtUtc)),
        true => WhatsAppText.Get(c, "Status_EntryWon", e.EntryCode, Date(c, e.Date), e.Rank ?? 0, e.Entrants ?? 0),
        false => WhatsAppText.Get(c, "Status_EntryNotDrawn", e.EntryCode, Date(c, e.Date), e.Rank ?? 0, e.Entrants ?? 0),
    };

    private static string CodeCheck(CultureInfo c, CodeChecked check) =>
        (check.Standing is CodeStanding.NotACode or CodeStanding.Unknown
            ? WhatsAppText.Get(c, $"CodeCheck_{check.Standing}", check.Code)
            : WhatsAppText.Get(c, $"CodeCheck_{check.Standing}", check.Code, check.OfficeName ?? string.Empty, Date(c, check.Date!.Value)))
        + "\n" + WhatsAppText.Get(c, "CodeCheck_OnlyForHolder");

    private static string Documents(Office office) =>
        string.Join("\n", office.Settings.Documents.Select((d, i) => $"{i + 1}. {d}"));

    private static string FormatOf(CultureInfo c, OfficeSettings s) => WhatsAppText.Get(c, $"Format_{s.MessageFormat}");

    private static string ExampleOf(CultureInfo c, OfficeSettings s, DateOnly arrival) =>
        s.MessageFormat == MessageFormat.AddressWithIdPhoto
            ? WhatsAppText.Get(c, "Example_AddressWithIdPhoto")
            : $"#BUDI SANTOSO#25011987#{arrival.ToString("ddMMyyyy", CultureInfo.InvariantCulture)}";
}
