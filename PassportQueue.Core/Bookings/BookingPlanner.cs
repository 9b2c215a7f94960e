using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// Applies the rules that need only the office's settings and the clock: intake hours, the
/// e-KTP photo, dates, the booking window, closed days and age groups. Pure; no I/O.
/// </summary>
public static class BookingPlanner
{
    /// <summary>Decides what to do with a well-formed request received at <paramref name="now"/>.</summary>
    public static PlanDecision Plan(
        Office office, PhoneNumber phone, BookingRequest request, bool hasIdPhoto, BookingRules rules, DateTimeOffset now)
    {
        var calendar = office.Calendar;
        var settings = office.Settings;
        var bookable = BookableDays(calendar, now);
        // Suggested dates are checked for places of the applicant's own share: a balita or lansia may take priority places.
        var priority = AgePolicy.Classify(request.BirthDate, request.ArrivalDate ?? FirstBookableDate(calendar, now)) != AgeGroup.Adult;
        PlanRefused Refuse(RefusalReason reason, IReadOnlyList<DayPlan> alternatives) => new(reason, alternatives, priority);
        if (!calendar.IsIntakeOpen(now))
        {
            return Refuse(RefusalReason.OutsideIntakeHours, []);
        }

        if (settings.MessageFormat == MessageFormat.AddressWithIdPhoto && !hasIdPhoto)
        {
            return Refuse(RefusalReason.IdPhotoMissing, []);
        }

        var today = calendar.LocalDate(now);
        IReadOnlyList<DayPlan> candidates;
        RefusalReason whenFull;
        if (request.ArrivalDate is { } arrival)
        {
            if (request.BirthDate > arrival || request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            if (DateRefusal(calendar, arrival, now) is { } refusal)
            {
                return Refuse(refusal, refusal == RefusalReason.OfficeClosed ? NearestAfter(bookable, arrival) : bookable);
            }

            candidates = [DayPlanFor(calendar, arrival, now)];
            whenFull = RefusalReason.DayFull;
        }
        else
        {
            if (request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            candidates = bookable;
            whenFull = RefusalReason.NoPlacesInWindow;
        }

        if (candidates.Count == 0)
        {
            return Refuse(RefusalReason.NoPlacesInWindow, []);
        }

        // Without an arrival date the age group is read on the first date that could be given;
        // a birthday inside the window can shift it by at most the window's length.
        var ageGroup = AgePolicy.Classify(request.BirthDate, candidates[0].Date);
        var plan = new BookingPlan(
            office.Id,
            office.Code,
            phone,
            request.Name,
            PersonKey.For(request.Name, request.BirthDate),
            request.BirthDate,
            request.Address,
            ageGroup,
            candidates,
            request.ArrivalDate is { } requested ? NearestAfter(bookable, requested) : [],
            whenFull,
            rules,
            now.UtcDateTime);
        return new PlanAccepted(plan);
    }

    /// <summary>
    /// The one rule of which dates can be booked at an instant: a day the office is open, inside
    /// the booking window, and, when it is today (a window that starts at 0), only while a slot's
    /// check-in deadline is still ahead. Null when the date can be booked.
    /// </summary>
    public static RefusalReason? DateRefusal(OfficeCalendar calendar, DateOnly date, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        if (date < calendar.WindowStart(now) && date <= today)
        {
            return RefusalReason.DateInPast;
        }

        if (date < calendar.WindowStart(now) || date > calendar.WindowEnd(now))
        {
            return RefusalReason.DateOutsideWindow;
        }

        if (!calendar.IsOpen(date))
        {
            return RefusalReason.OfficeClosed;
        }

        return FirstSlotAhead(calendar, date, now) is null ? RefusalReason.NoSlotLeftToday : null;
    }

    /// <summary>The days that <see cref="DateRefusal"/> accepts, earliest first, with their quotas and slots.</summary>
    public static IReadOnlyList<DayPlan> BookableDays(OfficeCalendar calendar, DateTimeOffset now) =>
        [.. calendar.OpenDatesInWindow(now).Where(d => DateRefusal(calendar, d, now) is null).Select(d => DayPlanFor(calendar, d, now))];

    /// <summary>The earliest date that could be booked at an instant (today, where the window and the slots allow, else later).</summary>
    public static DateOnly FirstBookableDate(OfficeCalendar calendar, DateTimeOffset now)
    {
        var start = calendar.WindowStart(now);
        return start == calendar.LocalDate(now) && FirstSlotAhead(calendar, start, now) is null ? start.AddDays(1) : start;
    }

    /// <summary>The quota and slots of one date under the office's current settings, as seen at <paramref name="now"/>.</summary>
    public static DayPlan DayPlanFor(OfficeCalendar calendar, DateOnly date, DateTimeOffset now)
    {
        var settings = calendar.Settings;
        var slots = Enumerable.Range(0, settings.SlotsPerDay)
            .Select(i => new SlotPlan(i, calendar.SlotStartUtc(date, i), calendar.CheckInDeadlineUtc(date, i), settings.PlacesPerSlot))
            .ToList();
        var first = FirstSlotAhead(calendar, date, now) ?? slots.Count;
        return new DayPlan(date, settings.DailyQuota, settings.PriorityQuota, settings.PlacesPerSlot, slots, (first * settings.PlacesPerSlot) + 1);
    }

    /// <summary>The first slot of a date whose check-in deadline has not passed at <paramref name="now"/>, or null.</summary>
    private static int? FirstSlotAhead(OfficeCalendar calendar, DateOnly date, DateTimeOffset now)
    {
        for (var i = 0; i < calendar.Settings.SlotsPerDay; i++)
        {
            if (calendar.CheckInDeadlineUtc(date, i) > now.UtcDateTime)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Days other than <paramref name="date"/>: the ones after it first, then the ones before.</summary>
    private static List<DayPlan> NearestAfter(IReadOnlyList<DayPlan> days, DateOnly date) =>
        [.. days.Where(d => d.Date > date), .. days.Where(d => d.Date < date)];
}
