using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Ballot;

/// <summary>How a message for a day is handled at an instant.</summary>
public abstract record DayRoute;

/// <summary>First come, first served: the office has no ballot, or the day's draw is over (its leftover places).</summary>
public sealed record FirstComeRoute : DayRoute;

/// <summary>The day's entry period is open: the message is an entry in its draw, which runs at <paramref name="ClosesUtc"/>.</summary>
public sealed record EntryRoute(DateOnly Date, DateTime OpensUtc, DateTime ClosesUtc) : DayRoute;

/// <summary>The day is not released yet: entries open at <paramref name="OpensUtc"/>.</summary>
public sealed record NotReleasedRoute(DateOnly Date, DateTime OpensUtc) : DayRoute;

/// <summary>
/// When an office with <see cref="Allocation.Ballot"/> releases its days: a day is released at
/// <see cref="OfficeSettings.ReleaseTime"/> (office-local) on the day it enters the booking
/// window (<see cref="OfficeSettings.WindowEndDays"/> days before it), and takes entries for
/// <see cref="OfficeSettings.EntryMinutes"/> from then. The one place for these times.
/// </summary>
public static class BallotSchedule
{
    /// <summary>How far ahead releases are prepared (their seeds committed to).</summary>
    public const int DaysAhead = 2;

    /// <summary>The instant a day is released, and its entry period opens.</summary>
    public static DateTime OpensUtc(OfficeCalendar calendar, DateOnly date) =>
        calendar.ToUtc(date.AddDays(-calendar.Settings.WindowEndDays), calendar.Settings.ReleaseTime);

    /// <summary>The instant a day's entry period closes and its draw runs.</summary>
    public static DateTime ClosesUtc(OfficeCalendar calendar, DateOnly date) =>
        OpensUtc(calendar, date).AddMinutes(calendar.Settings.EntryMinutes);

    /// <summary>How a message for <paramref name="date"/> (an open day) is handled at <paramref name="now"/>.</summary>
    public static DayRoute Route(OfficeCalendar calendar, DateOnly date, DateTimeOffset now)
    {
        if (calendar.Settings.Allocation != Allocation.Ballot)
        {
            return new FirstComeRoute();
        }

        var opens = OpensUtc(calendar, date);
        var closes = ClosesUtc(calendar, date);
        return now.UtcDateTime < opens ? new NotReleasedRoute(date, opens)
            : now.UtcDateTime < closes ? new EntryRoute(date, opens, closes)
            : new FirstComeRoute();
    }

    /// <summary>The day whose entry period is open at <paramref name="now"/>, if any (for a format without a date: Batam).</summary>
    public static EntryRoute? OpenEntry(OfficeCalendar calendar, DateTimeOffset now)
    {
        var date = calendar.LocalDate(now).AddDays(calendar.Settings.WindowEndDays);
        return calendar.Settings.Allocation == Allocation.Ballot && calendar.IsOpen(date) && Route(calendar, date, now) is EntryRoute entry ? entry : null;
    }

    /// <summary>The next releases after <paramref name="now"/>, earliest first (only open days are released).</summary>
    public static IReadOnlyList<NotReleasedRoute> Upcoming(OfficeCalendar calendar, DateTimeOffset now, int count)
    {
        var releases = new List<NotReleasedRoute>();
        if (calendar.Settings.Allocation != Allocation.Ballot)
        {
            return releases;
        }

        var date = calendar.LocalDate(now).AddDays(calendar.Settings.WindowEndDays);
        for (var i = 0; i < 60 && releases.Count < count; i++, date = date.AddDays(1))
        {
            if (calendar.IsOpen(date) && Route(calendar, date, now) is NotReleasedRoute next)
            {
                releases.Add(next);
            }
        }

        return releases;
    }

    /// <summary>The days whose draws should exist at <paramref name="now"/>: open now, or opening within <see cref="DaysAhead"/> days.</summary>
    public static IReadOnlyList<EntryRoute> ToPrepare(OfficeCalendar calendar, DateTimeOffset now)
    {
        var days = new List<EntryRoute>();
        if (calendar.Settings.Allocation != Allocation.Ballot)
        {
            return days;
        }

        var first = calendar.LocalDate(now).AddDays(calendar.Settings.WindowEndDays);
        for (var date = first; date <= first.AddDays(DaysAhead); date = date.AddDays(1))
        {
            if (calendar.IsOpen(date) && now.UtcDateTime < ClosesUtc(calendar, date))
            {
                days.Add(new EntryRoute(date, OpensUtc(calendar, date), ClosesUtc(calendar, date)));
            }
        }

        return days;
    }
}
