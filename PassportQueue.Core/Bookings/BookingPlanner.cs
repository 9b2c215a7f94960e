using PassportQueue.Core.Ballot;
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
        // With a ballot, a day is first-come only once its draw is over: released days in their entry period are entries.
        var bookable = BookableDays(calendar, now).Where(d => BallotSchedule.Route(calendar, d.Date, now) is FirstComeRoute).ToList();
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
        List<DayPlan> candidates;
        RefusalReason whenFull;
        EntryRoute? entry = null;
        if (request.ArrivalDate is { } arrival)
        {
            if (request.BirthDate > arrival || request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            if (arrival > today && calendar.IsOpen(arrival))
            {
                switch (BallotSchedule.Route(calendar, arrival, now))
                {
                    case NotReleasedRoute notReleased:
                        return new PlanNotReleased(arrival, notReleased.OpensUtc);
                    case EntryRoute open:
                        entry = open;
                        break;
                }
            }

            if (DateRefusal(calendar, arrival, now) is { } refusal)
            {
                return Refuse(refusal, refusal == RefusalReason.OfficeClosed ? NearestAfter(bookable, arrival) : bookable);
            }

            candidates = [DayPlanFor(calendar, arrival, today, now)];
            whenFull = RefusalReason.DayFull;
        }
        else
        {
            if (request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            entry = BallotSchedule.OpenEntry(calendar, now);
            candidates = entry is null ? bookable : [DayPlanFor(calendar, entry.Date, today, now)];
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
        return entry is null ? new PlanAccepted(plan) : new PlanEntry(plan with { Alternatives = [] }, entry);
    }

    /// <summary>
    /// The one rule of which dates can be booked at an instant: a day the office is open, inside
    /// the booking window, and, when it is today (a window that starts at 0), only while a slot's
    /// check-in deadline is still ahead. Null when the date can be booked.
    /// </summary>
    public static RefusalReason? DateRefusal(OfficeCalendar calendar, DateOnly date, DateTimeOffset now) =>
        DateRefusal(calendar, date, calendar.LocalDate(now), now);

    /// <summary>The days that <see cref="DateRefusal(OfficeCalendar, DateOnly, DateTimeOffset)"/> accepts, earliest first, with their quotas and slots.</summary>
    public static IReadOnlyList<DayPlan> BookableDays(OfficeCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        var days = new List<DayPlan>();
        for (var date = today.AddDays(calendar.Settings.WindowStartDays); date <= today.AddDays(calendar.Settings.WindowEndDays); date = date.AddDays(1))
        {
            if (DateRefusal(calendar, date, today, now) is null)
            {
                days.Add(DayPlanFor(calendar, date, today, now));
            }
        }

        return days;
    }

    /// <summary>The earliest date that could be booked at an instant (today, where the window and the slots allow, else later).</summary>
    public static DateOnly FirstBookableDate(OfficeCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        var start = today.AddDays(calendar.Settings.WindowStartDays);
        return start == today && FirstSlotAhead(calendar, start, today, now) is null ? start.AddDays(1) : start;
    }

    /// <summary>The quota and slots of one date under the office's current settings, as seen at <paramref name="now"/>.</summary>
    public static DayPlan DayPlanFor(OfficeCalendar calendar, DateOnly date, DateTimeOffset now) =>
        DayPlanFor(calendar, date, calendar.LocalDate(now), now);

    private static DayPlan DayPlanFor(OfficeCalendar calendar, DateOnly date, DateOnly today, DateTimeOffset now)
    {
        var settings = calendar.Settings;
        var first = FirstSlotAhead(calendar, date, today, now) ?? settings.SlotsPerDay;
        return new DayPlan(
            date, settings.DailyQuota, settings.PriorityQuota, settings.PlacesPerSlot, new SlotList(calendar, date), (first * settings.PlacesPerSlot) + 1);
    }

    private static RefusalReason? DateRefusal(OfficeCalendar calendar, DateOnly date, DateOnly today, DateTimeOffset now)
    {
        var settings = calendar.Settings;
        var windowStart = today.AddDays(settings.WindowStartDays);
        if (date < windowStart && date <= today)
        {
            return RefusalReason.DateInPast;
        }

        if (date < windowStart || date > today.AddDays(settings.WindowEndDays))
        {
            return RefusalReason.DateOutsideWindow;
        }

        if (!calendar.IsOpen(date))
        {
            return RefusalReason.OfficeClosed;
        }

        return FirstSlotAhead(calendar, date, today, now) is null ? RefusalReason.NoSlotLeftToday : null;
    }

    /// <summary>The first slot of a date whose check-in deadline has not passed at <paramref name="now"/>, or null.</summary>
    private static int? FirstSlotAhead(OfficeCalendar calendar, DateOnly date, DateOnly today, DateTimeOffset now)
    {
        // A deadline is at most 240 minutes before its slot (the settings' limit): from the day after
        // tomorrow on, every slot's deadline is ahead, and no clock needs converting.
        if (date > today.AddDays(1))
        {
            return 0;
        }

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
