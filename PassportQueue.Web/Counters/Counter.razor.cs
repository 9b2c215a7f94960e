using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Bookings;

namespace PassportQueue.Web.Counters;

/// <summary>The counter: find a code, check the person and the phone, then mark arrived, complete, return or flag.</summary>
public sealed partial class Counter
{
    private static readonly string[] ReturnReasons = ["Return_Originals", "Return_Mismatch", "Return_Invalid", "Return_WrongPerson", "Return_Other"];

    /// <summary>The desk's last answer: the booking it is about, as it now stands.</summary>
    private CounterResult? _last;

    [Inject]
    private CounterDesk Desk { get; set; } = default!;

    [Inject]
    private CounterQueries Queries { get; set; } = default!;

    [Inject]
    private IPhoneRegistry Registry { get; set; } = default!;

    [Inject]
    private IOfficeDirectory Offices { get; set; } = default!;

    private string? Typed { get; set; }

    private BookingDetails? Details { get; set; }

    private Office? Office { get; set; }

    private string? Message { get; set; }

    private Severity MessageSeverity { get; set; } = Severity.Info;

    private string? ReturnReason { get; set; }

    private string? ReturnNote { get; set; }

    private string? FlagReason { get; set; }

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            await FindAsync();
        }
    }

    /// <summary>How the code on screen was entered (a scanner types the QR code's prefix, a person does not); the check-in records it.</summary>
    private CodeEntry Entry { get; set; }

    private async Task FindAsync()
    {
        Details = null;
        Entry = CounterInput.Read(Typed).Entry;
        Show(await Desk.LookUpAsync(Typed, Me.Scope, CancellationToken.None), announceDone: false);
        await LoadAsync(_last?.Booking);
    }

    private Task ArriveAsync() => ActAsync(code => Desk.CheckInAsync(
        Entry == CodeEntry.Scanned ? CounterInput.QrPrefix + code : code, Me.Scope, Me.Actor, CancellationToken.None));

    private Task CompleteAsync() => ActAsync(code => Desk.CompleteAsync(code, Me.Scope, Me.Actor, CancellationToken.None));

    private Task ReturnAsync()
    {
        var reason = string.IsNullOrWhiteSpace(ReturnNote) ? ReturnReason : $"{ReturnReason}: {ReturnNote}";
        return ActAsync(code => Desk.ReturnAsync(code, Me.Scope, reason ?? string.Empty, Me.Actor, CancellationToken.None));
    }

    private async Task FlagAsync()
    {
        if (Details is null || !PhoneNumber.TryParse(Details.Phone, out var phone))
        {
            return;
        }

        await Registry.FlagAsync(phone, Core.Blacklist.FlagReason.Officer, $"{Details.Booking.Code}: {FlagReason}".Trim(' ', ':'), Me.Actor, CancellationToken.None);
        (Message, MessageSeverity) = (L["Counter_Flagged"], Severity.Warning);
        FlagReason = null;
        await LoadAsync(Details.Booking);
    }

    private async Task ActAsync(Func<string, Task<CounterResult>> act)
    {
        if (Details is null)
        {
            return;
        }

        Show(await act(Details.Booking.Code), announceDone: true);
        await LoadAsync(_last?.Booking ?? Details.Booking);
    }

    private void Show(CounterResult result, bool announceDone)
    {
        _last = result;
        (Message, MessageSeverity) = result.Status switch
        {
            CounterStatus.InvalidCode => (L["Counter_InvalidCode"].Value, Severity.Error),
            CounterStatus.NotFound => (L["Counter_NotFound"].Value, Severity.Error),
            CounterStatus.WrongState => (L["Counter_WrongState", L[$"State_{result.Booking!.State}"]].Value, Severity.Warning),
            CounterStatus.NotToday => (L["Counter_NotToday", Core.Offices.OfficeTime.Date(Culture, result.Booking!.Date)].Value, Severity.Warning),
            CounterStatus.Late => (L["Counter_Late", Time(result.Booking!.CheckInDeadlineUtc)].Value, Severity.Error),
            CounterStatus.ReasonRequired => (L["Counter_ReasonRequired"].Value, Severity.Warning),
            CounterStatus.Done when !announceDone => (null, Severity.Info),
            CounterStatus.Done => result.Booking!.State switch
            {
                BookingState.Arrived => (L["Counter_Arrived", result.QueueNumber ?? 0].Value, Severity.Success),
                BookingState.Completed => (L["Counter_Completed"].Value, Severity.Success),
                _ => (L["Counter_Returned"].Value, Severity.Info),
            },
            _ => (null, Severity.Info),
        };
    }

    private async Task LoadAsync(BookingView? view)
    {
        Details = view is null ? null : await Queries.DetailsAsync(view, Me.Scope, CancellationToken.None);
        Office = Details is null ? null : await Offices.FindByCodeAsync(Details.Booking.OfficeCode, CancellationToken.None);
    }

    private string Time(DateTime utc) =>
        Office is null ? utc.ToString("HH:mm", CultureInfo.InvariantCulture) : Core.Offices.OfficeTime.Time(Culture, Office, utc);

    private string Slot(BookingDetails d) => $"{Core.Offices.OfficeTime.Date(Culture, d.Booking.Date)} {Time(d.Booking.SlotStartUtc)}";
}
