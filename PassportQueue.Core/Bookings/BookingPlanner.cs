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
        // Suggested dates are checked for places of the applicant's own share: a balita or lansia may take priority places.
        var priority = AgePolicy.Classify(request.BirthDate, request.ArrivalDate ?? calendar.WindowStart(now)) != AgeGroup.Adult;
        PlanRefused Refuse(RefusalReason reason, IReadOnlyList<DateOnly> alternatives) => new(reason, alternatives, priority);
        if (!calendar.IsIntakeOpen(now))
        {
            return Refuse(RefusalReason.OutsideIntakeHours, []);
        }

        if (settings.MessageFormat == MessageFormat.AddressWithIdPhoto && !hasIdPhoto)
        {
            return Refuse(RefusalReason.IdPhotoMissing, []);
        }

        var open = calendar.OpenDatesInWindow(now);
        var today = calendar.LocalDate(now);
        IReadOnlyList<DateOnly> candidates;
        RefusalReason whenFull;
        if (request.ArrivalDate is { } arrival)
        {
            if (request.BirthDate > arrival || request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            if (arrival <= today)
            {
                return Refuse(RefusalReason.DateInPast, open);
            }

            if (arrival < calendar.WindowStart(now) || arrival > calendar.WindowEnd(now))
            {
                return Refuse(RefusalReason.DateOutsideWindow, open);
            }

            if (!calendar.IsOpen(arrival))
            {
                return Refuse(RefusalReason.OfficeClosed, NearestAfter(open, arrival));
            }

            candidates = [arrival];
            whenFull = RefusalReason.DayFull;
        }
        else
        {
            if (request.BirthDate > today)
            {
                return Refuse(RefusalReason.BirthDateInFuture, []);
            }

            candidates = open;
            whenFull = RefusalReason.NoPlacesInWindow;
        }

        if (candidates.Count == 0)
        {
            return Refuse(RefusalReason.NoPlacesInWindow, []);
        }

        // Without an arrival date the age group is read on the first date that could be given;
        // a birthday inside the window can shift it by at most the window's length.
        var ageGroup = AgePolicy.Classify(request.BirthDate, candidates[0]);
        var days = candidates.Select(date => DayPlanFor(calendar, date)).ToList();
        var plan = new BookingPlan(
            office.Id,
            office.Code,
            phone,
            request.Name,
            PersonKey.For(request.Name, request.BirthDate),
            request.BirthDate,
            request.Address,
            ageGroup,
            days,
            request.ArrivalDate is { } requested ? NearestAfter(open, requested) : [],
            whenFull,
            rules,
            now.UtcDateTime);
        return new PlanAccepted(plan);
    }

    /// <summary>Open dates other than <paramref name="date"/>: the ones after it first, then the ones before.</summary>
    private static List<DateOnly> NearestAfter(IReadOnlyList<DateOnly> open, DateOnly date) =>
        [.. open.Where(d => d > date), .. open.Where(d => d < date)];

    /// <summary>The quota and slots of one date under the office's current settings.</summary>
    public static DayPlan DayPlanFor(OfficeCalendar calendar, DateOnly date)
    {
        var settings = calendar.Settings;
        var slots = Enumerable.Range(0, settings.SlotsPerDay)
            .Select(i => new SlotPlan(i, calendar.SlotStartUtc(date, i), calendar.CheckInDeadlineUtc(date, i), settings.PlacesPerSlot))
            .ToList();
        return new DayPlan(date, settings.DailyQuota, settings.PriorityQuota, settings.PlacesPerSlot, slots);
    }
}
