using System.Globalization;
using System.Text.Json;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.WhatsApp;

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
            _ => throw new InvalidOperationException($"No text for {kind}."),
        };
    }

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
