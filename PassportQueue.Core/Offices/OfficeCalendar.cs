namespace PassportQueue.Core.Offices;

/// <summary>
/// An office's clock and calendar: converts instants to the office's local time and answers
/// which days are open, which fall in the booking window, and when each slot starts.
/// All instants are UTC; local dates and times are the office's own (WIB, WITA or WIT).
/// </summary>
public sealed class OfficeCalendar(OfficeSettings settings)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
    private readonly HashSet<DateOnly> _closed = [.. settings.ClosedDates];
    private readonly HashSet<DayOfWeek> _working = [.. settings.WorkingDays];

    /// <summary>The settings this calendar reads.</summary>
    public OfficeSettings Settings => settings;

    /// <summary>The office-local wall clock time of an instant.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    /// <summary>The office-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>Whether the office serves applicants on a date.</summary>
    public bool IsOpen(DateOnly date) => _working.Contains(date.DayOfWeek) && !_closed.Contains(date);

    /// <summary>First bookable date as seen at an instant.</summary>
    public DateOnly WindowStart(DateTimeOffset now) => LocalDate(now).AddDays(settings.WindowStartDays);

    /// <summary>Last bookable date as seen at an instant.</summary>
    public DateOnly WindowEnd(DateTimeOffset now) => LocalDate(now).AddDays(settings.WindowEndDays);

    /// <summary>Open dates in the booking window, earliest first.</summary>
    public IReadOnlyList<DateOnly> OpenDatesInWindow(DateTimeOffset now)
    {
        var dates = new List<DateOnly>();
        for (var d = WindowStart(now); d <= WindowEnd(now); d = d.AddDays(1))
        {
            if (IsOpen(d))
            {
                dates.Add(d);
            }
        }

        return dates;
    }

    /// <summary>Whether booking messages are accepted at an instant (the office's intake hours).</summary>
    public bool IsIntakeOpen(DateTimeOffset now)
    {
        if (settings.IntakeOpens is not { } opens || settings.IntakeCloses is not { } closes)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(ToLocal(now));
        return time >= opens && time < closes;
    }

    /// <summary>Local start time of a slot.</summary>
    public TimeOnly SlotStartLocal(int slotIndex) => settings.FirstSlot.AddMinutes(settings.SlotMinutes * slotIndex);

    /// <summary>The instant a slot starts.</summary>
    public DateTime SlotStartUtc(DateOnly date, int slotIndex) => ToUtc(date, SlotStartLocal(slotIndex));

    /// <summary>The last instant at which an applicant of a slot may check in.</summary>
    public DateTime CheckInDeadlineUtc(DateOnly date, int slotIndex) =>
        SlotStartUtc(date, slotIndex).AddMinutes(-settings.ArriveMinutesBefore);

    /// <summary>Converts an office-local date and time to UTC.</summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), _zone);

    /// <summary>The abbreviation applicants read beside a time: WIB, WITA or WIT.</summary>
    public string ZoneAbbreviation => _zone.BaseUtcOffset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        var h => $"UTC{(h >= 0 ? "+" : string.Empty)}{h}",
    };
}
