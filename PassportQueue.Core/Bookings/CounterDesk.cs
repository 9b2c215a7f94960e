using PassportQueue.Core.Audit;
using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// What a counter officer does with a code: look it up, check the applicant in (or forfeit a late
/// code), complete or return the application, and forfeit late codes in bulk.
/// </summary>
public sealed class CounterDesk(IBookingLedger ledger, IOfficeDirectory offices, BookingRules rules, TimeProvider time)
{
    /// <summary>Reason stored when a code is forfeited for lateness.</summary>
    public static readonly string LateReason = Audit.SystemReason.Of(Audit.ReasonCode.Late).Stored;

    /// <summary>Finds a booking by a typed or scanned code, within an office (null: any office).</summary>
    public async Task<CounterResult> LookUpAsync(string? typed, string? officeScope, CancellationToken ct)
    {
        if (!BookingCode.TryParse(CounterInput.Read(typed).Code, out var code))
        {
            return new CounterResult(CounterStatus.InvalidCode);
        }

        var view = await ledger.FindAsync(code, ct);
        return view is null || (officeScope is not null && view.OfficeCode != officeScope)
            ? new CounterResult(CounterStatus.NotFound)
            : new CounterResult(CounterStatus.Done, view);
    }

    /// <summary>
    /// Checks an applicant in on the day of the appointment, before the deadline, recording whether
    /// the code was typed or scanned (<see cref="CounterInput"/>). After the
    /// deadline the code is forfeited, as the rules say, and the officer is told so.
    /// </summary>
    public async Task<CounterResult> CheckInAsync(string? typed, string? officeScope, Actor actor, CancellationToken ct)
    {
        var found = await LookUpAsync(typed, officeScope, ct);
        if (found is not { Status: CounterStatus.Done, Booking: { } view })
        {
            return found;
        }

        if (!BookingTransitions.Allows(view.State, BookingState.Arrived))
        {
            return new CounterResult(CounterStatus.WrongState, view);
        }

        var now = time.GetUtcNow();
        var office = await offices.FindByCodeAsync(view.OfficeCode, ct)
            ?? throw new InvalidOperationException($"Booking {view.Code} names an unknown office.");
        if (office.Calendar.LocalDate(now) < view.Date)
        {
            return new CounterResult(CounterStatus.NotToday, view);
        }

        var code = BookingCode.TryParse(view.Code, out var c) ? c : throw new InvalidOperationException("Stored code is invalid.");
        if (now.UtcDateTime > view.CheckInDeadlineUtc)
        {
            var forfeit = await ledger.ForfeitAsync(code, LateReason, actor, now.UtcDateTime, rules, ct);
            return new CounterResult(CounterStatus.Late, forfeit.Booking);
        }

        var change = await ledger.MarkArrivedAsync(code, CounterInput.Read(typed).Entry, actor, now.UtcDateTime, ct);
        return change.Changed
            ? new CounterResult(CounterStatus.Done, change.Booking, change.QueueNumber)
            : new CounterResult(CounterStatus.WrongState, change.Booking);
    }

    /// <summary>Documents accepted: Arrived -> Completed.</summary>
    public Task<CounterResult> CompleteAsync(string? typed, string? officeScope, Actor actor, CancellationToken ct) =>
        ChangeAsync(typed, officeScope, BookingState.Completed, (code, now) => ledger.CompleteAsync(code, actor, now, ct), ct);

    /// <summary>Documents incomplete: Arrived -> Returned, with a reason.</summary>
    public Task<CounterResult> ReturnAsync(string? typed, string? officeScope, string reason, Actor actor, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(new CounterResult(CounterStatus.ReasonRequired))
            : ChangeAsync(typed, officeScope, BookingState.Returned, (code, now) => ledger.ReturnAsync(code, reason.Trim(), actor, now, ct), ct);

    /// <summary>Forfeits every code whose check-in deadline has passed; returns how many.</summary>
    public async Task<int> ForfeitLateAsync(string? officeScope, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var code in await ledger.LateCodesAsync(officeScope, now, ct))
        {
            if ((await ledger.ForfeitAsync(code, LateReason, actor, now, rules, ct)).Changed)
            {
                count++;
            }
        }

        return count;
    }

    private async Task<CounterResult> ChangeAsync(
        string? typed, string? officeScope, BookingState to, Func<BookingCode, DateTime, Task<LedgerChange>> change, CancellationToken ct)
    {
        var found = await LookUpAsync(typed, officeScope, ct);
        if (found is not { Status: CounterStatus.Done, Booking: { } view })
        {
            return found;
        }

        if (!BookingTransitions.Allows(view.State, to))
        {
            return new CounterResult(CounterStatus.WrongState, view);
        }

        _ = BookingCode.TryParse(view.Code, out var code);
        var result = await change(code, time.GetUtcNow().UtcDateTime);
        return new CounterResult(result.Changed ? CounterStatus.Done : CounterStatus.WrongState, result.Booking);
    }
}
