using System.Globalization;
using System.Text.Json;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Channel;

/// <summary>The text of messages the office sends on its own, and the variables of their templates.</summary>
public static class NotificationWriter
{
    public static string Text(OutboxKind kind, BookingView booking, Office office, CultureInfo? culture = null)
    {
        var c = culture ?? WhatsAppText.Indonesian;
        var date = OfficeTime.Date(c, booking.Date);
        var slot = OfficeTime.Time(c, office, booking.SlotStartUtc);
        var by = OfficeTime.Time(c, office, booking.CheckInDeadlineUtc);
        return kind switch
        {
            OutboxKind.Forfeited => WhatsAppText.Get(c, "Notify_Forfeited", booking.Code, office.Settings.Name, $"{date} {slot}", by),
            OutboxKind.Reminder => WhatsAppText.Get(c, "Notify_Reminder", date, slot, office.Settings.Name, booking.Code, by),
            OutboxKind.BallotWon => WhatsAppText.Get(
                c, "Notify_BallotWon", booking.Code, booking.Name, office.Settings.Name, date, slot, by, office.Settings.ArriveMinutesBefore,
                string.Join("\n", office.Settings.Documents.Select((d, i) => $"{i + 1}. {d}"))),
            _ => throw new InvalidOperationException($"No text for {kind}."),
        };
    }

    /// <summary>What a checked-in applicant reads when few are ahead, or when called to a counter.</summary>
    public static string Turn(OutboxKind kind, CallNotice call, Office office, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var c = culture ?? WhatsAppText.Indonesian;
        return kind switch
        {
            OutboxKind.TurnNear => WhatsAppText.Get(c, "Notify_TurnNear", call.QueueNumber, office.Settings.Name, office.Settings.NotifyWhenAhead),
            OutboxKind.Called => WhatsAppText.Get(c, "Notify_Called", call.QueueNumber, call.Counter ?? string.Empty, office.Settings.Name),
            _ => throw new InvalidOperationException($"No turn text for {kind}."),
        };
    }

    /// <summary>Template variables of a turn notice: 1 queue number, 2 office, 3 the counter (called) or how many ahead at most (turn near).</summary>
    public static string TemplateVariables(OutboxKind kind, CallNotice call, Office office)
    {
        ArgumentNullException.ThrowIfNull(call);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["1"] = call.QueueNumber.ToString(CultureInfo.InvariantCulture),
            ["2"] = office.Settings.Name,
            ["3"] = kind == OutboxKind.Called ? call.Counter ?? string.Empty : office.Settings.NotifyWhenAhead.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>What an entrant who was not drawn reads: the draw, their rank, their weight next time, and the next release.</summary>
    public static string NotDrawn(EntryNotice entry, Office office, DateTime now, CultureInfo? culture = null)
    {
        var c = culture ?? WhatsAppText.Indonesian;
        return WhatsAppText.Get(
            c, "Notify_BallotNotDrawn", office.Settings.Name, OfficeTime.Date(c, entry.Date), entry.EntryCode, entry.Rank, entry.Entrants, entry.NextWeight, NextRelease(c, office, now));
    }

    /// <summary>What an entrant offered a freed place reads: the day, the slot, and the time to answer YA by.</summary>
    public static string Offer(OfferNotice offer, Office office, CultureInfo? culture = null)
    {
        var c = culture ?? WhatsAppText.Indonesian;
        return WhatsAppText.Get(
            c, "Notify_BallotOffer", office.Settings.Name, OfficeTime.Date(c, offer.Date), OfficeTime.Time(c, office, offer.SlotStartUtc),
            OfficeTime.Time(c, office, offer.DeadlineUtc), OfficeTime.Stamp(c, office, offer.ExpiresAtUtc), offer.EntryCode);
    }

    /// <summary>Template variables of an offer: 1 office, 2 date, 3 slot time, 4 answer-by time.</summary>
    public static string TemplateVariables(OfferNotice offer, Office office)
    {
        var c = WhatsAppText.Indonesian;
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["1"] = office.Settings.Name,
            ["2"] = OfficeTime.Date(c, offer.Date),
            ["3"] = OfficeTime.Time(c, office, offer.SlotStartUtc),
            ["4"] = OfficeTime.Stamp(c, office, offer.ExpiresAtUtc),
        });
    }

    /// <summary>Template variables of a not-drawn notice: 1 office, 2 date drawn, 3 entry code, 4 next release.</summary>
    public static string TemplateVariables(EntryNotice entry, Office office, DateTime now)
    {
        var c = WhatsAppText.Indonesian;
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["1"] = office.Settings.Name,
            ["2"] = OfficeTime.Date(c, entry.Date),
            ["3"] = entry.EntryCode,
            ["4"] = NextRelease(c, office, now),
        });
    }

    /// <summary>When the next day is released, e.g. "Selasa, 15 Desember 2026 pukul 09.00 WIB (untuk tanggal …)".</summary>
    public static string NextRelease(CultureInfo c, Office office, DateTime now) =>
        Core.Ballot.BallotSchedule.Upcoming(office.Calendar, new DateTimeOffset(now, TimeSpan.Zero), 1) is [var next]
            ? WhatsAppText.Get(c, "NextRelease", OfficeTime.Date(c, office.Calendar.LocalDate(new DateTimeOffset(next.OpensUtc, TimeSpan.Zero))), OfficeTime.Time(c, office, next.OpensUtc), OfficeTime.Date(c, next.Date))
            : WhatsAppText.Get(c, "NextRelease_None");

    /// <summary>Template variables: 1 code, 2 office, 3 date, 4 slot time, 5 be-there-by time.</summary>
    public static string TemplateVariables(BookingView booking, Office office)
    {
        var c = WhatsAppText.Indonesian;
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["1"] = booking.Code,
            ["2"] = office.Settings.Name,
            ["3"] = OfficeTime.Date(c, booking.Date),
            ["4"] = OfficeTime.Time(c, office, booking.SlotStartUtc),
            ["5"] = OfficeTime.Time(c, office, booking.CheckInDeadlineUtc),
        });
    }
}
