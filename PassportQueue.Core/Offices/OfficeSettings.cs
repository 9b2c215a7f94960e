namespace PassportQueue.Core.Offices;

/// <summary>
/// Everything an office decides for itself: where it is, how applicants write to it, when and how
/// many it serves, and what they must bring. Bound from configuration to seed an empty database,
/// then stored and edited in the database.
/// </summary>
public sealed record OfficeSettings
{
    /// <summary>Short office code used in booking codes, e.g. <c>BGR</c>.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>The office's name as applicants know it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).</summary>
    public string TimeZoneId { get; init; } = "Asia/Jakarta";

    /// <summary>The office's WhatsApp numbers, any common notation.</summary>
    public string[] WhatsAppNumbers { get; init; } = [];

    /// <summary>Which booking message the office accepts.</summary>
    public MessageFormat MessageFormat { get; init; } = MessageFormat.ArrivalDate;

    /// <summary>Local time from which booking messages are accepted; null for any time.</summary>
    public TimeOnly? IntakeOpens { get; init; }

    /// <summary>Local time until which booking messages are accepted; null for any time.</summary>
    public TimeOnly? IntakeCloses { get; init; }

    /// <summary>Days of the week the office serves applicants.</summary>
    public DayOfWeek[] WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Dates the office is closed although they fall on a working day (public holidays).</summary>
    public DateOnly[] ClosedDates { get; init; } = [];

    /// <summary>Local start time of the first slot of the day.</summary>
    public TimeOnly FirstSlot { get; init; } = new(8, 0);

    /// <summary>Length of one slot in minutes.</summary>
    public int SlotMinutes { get; init; } = 30;

    /// <summary>Number of slots in a day.</summary>
    public int SlotsPerDay { get; init; } = 14;

    /// <summary>Places in each slot.</summary>
    public int PlacesPerSlot { get; init; } = 10;

    /// <summary>Places in a day, priority share included.</summary>
    public int DailyQuota { get; init; } = 100;

    /// <summary>Part of the daily quota kept for priority applicants (balita and lansia); 0 for none.</summary>
    public int PriorityQuota { get; init; }

    /// <summary>First bookable day, counted from today (1 = tomorrow).</summary>
    public int WindowStartDays { get; init; } = 1;

    /// <summary>Last bookable day, counted from today.</summary>
    public int WindowEndDays { get; init; } = 14;

    /// <summary>How many minutes before the slot the applicant must be at the counter.</summary>
    public int ArriveMinutesBefore { get; init; } = 30;

    /// <summary>Documents an applicant must bring, in the office's own words.</summary>
    public string[] Documents { get; init; } = [];

    /// <summary>First come, or a ballot at each release.</summary>
    public Allocation Allocation { get; init; } = Allocation.FirstCome;

    /// <summary>With a ballot: the local time at which a day is released, on the day it enters the booking window.</summary>
    public TimeOnly ReleaseTime { get; init; } = new(9, 0);

    /// <summary>With a ballot: how long after the release entries are taken; the draw follows.</summary>
    public int EntryMinutes { get; init; } = 60;

    /// <summary>Places the slot schedule offers in a day, before the daily quota is applied.</summary>
    public int SlotPlaces => SlotsPerDay * PlacesPerSlot;

    /// <summary>The office's named counters (loket) that call applicants, in the order the board shows them.</summary>
    public string[] Counters { get; init; } = ["Loket 1", "Loket 2", "Loket 3"];

    /// <summary>Whether arrived balita and lansia (the priority share) are called before the others.</summary>
    public bool PriorityFirst { get; init; } = true;

    /// <summary>
    /// A checked-in applicant gets a WhatsApp notice that their turn is near once at most this many
    /// are ahead of them in the calling order; 0 sends none. The called notice goes out regardless.
    /// </summary>
    public int NotifyWhenAhead { get; init; } = 3;

    /// <summary>Returns what is wrong with these settings, or nothing when they are usable.</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();
        void Require(bool condition, SettingsProblem problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        Require(Code.Length is >= 2 and <= 5 && Code.All(char.IsAsciiLetterUpper), SettingsProblem.Code);
        Require(!string.IsNullOrWhiteSpace(Name), SettingsProblem.Name);
        Require(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _), SettingsProblem.TimeZone);
        Require(WhatsAppNumbers.Length > 0, SettingsProblem.WhatsAppNumbers);
        Require(IntakeOpens.HasValue == IntakeCloses.HasValue, SettingsProblem.IntakeIncomplete);
        Require(IntakeOpens is null || IntakeOpens < IntakeCloses, SettingsProblem.IntakeOrder);
        Require(WorkingDays.Length > 0, SettingsProblem.WorkingDays);
        Require(SlotMinutes is >= 5 and <= 240, SettingsProblem.SlotMinutes);
        Require(SlotsPerDay is >= 1 and <= 96, SettingsProblem.SlotsPerDay);
        Require(PlacesPerSlot is >= 1 and <= 10_000, SettingsProblem.PlacesPerSlot);
        Require(FirstSlot.ToTimeSpan() + TimeSpan.FromMinutes(SlotMinutes * SlotsPerDay) <= TimeSpan.FromDays(1), SettingsProblem.LastSlotAfterMidnight);
        Require(DailyQuota is >= 1 and <= 100_000, SettingsProblem.DailyQuota);
        Require(PriorityQuota >= 0 && PriorityQuota <= DailyQuota, SettingsProblem.PriorityQuota);
        Require(DailyQuota <= SlotPlaces, SettingsProblem.QuotaAboveSlots);
        Require(WindowStartDays >= 0 && WindowStartDays <= WindowEndDays && WindowEndDays <= 366, SettingsProblem.Window);
        Require(ArriveMinutesBefore is >= 0 and <= 240, SettingsProblem.ArriveMinutes);
        Require(Documents.Length > 0, SettingsProblem.Documents);
        Require(
            Counters.Length is >= 1 and <= 30 && Counters.All(c => c.Trim().Length is >= 1 and <= 30)
                && Counters.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == Counters.Length,
            SettingsProblem.Counters);
        Require(NotifyWhenAhead is >= 0 and <= 50, SettingsProblem.NotifyWhenAhead);
        Require(EntryMinutes is >= 5 and <= 1440 && ReleaseTime.ToTimeSpan() + TimeSpan.FromMinutes(EntryMinutes) <= TimeSpan.FromDays(1), SettingsProblem.EntryPeriod);
        // Entries are messages: with intake hours, the whole entry period must lie inside them.
        Require(
            Allocation != Allocation.Ballot || IntakeOpens is null
                || (ReleaseTime >= IntakeOpens && ReleaseTime.ToTimeSpan() + TimeSpan.FromMinutes(EntryMinutes) <= IntakeCloses!.Value.ToTimeSpan()),
            SettingsProblem.EntryOutsideIntake);
        return problems;
    }
}
