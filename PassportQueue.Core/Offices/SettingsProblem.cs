namespace PassportQueue.Core.Offices;

/// <summary>What can be wrong with an office's settings; each has its own text for the dashboard.</summary>
public enum SettingsProblem
{
    /// <summary>The code is not 2-5 capital letters.</summary>
    Code = 0,

    /// <summary>No name.</summary>
    Name = 1,

    /// <summary>The time zone is not known.</summary>
    TimeZone = 2,

    /// <summary>No WhatsApp number.</summary>
    WhatsAppNumbers = 3,

    /// <summary>Intake hours with an opening and no closing time, or the other way round.</summary>
    IntakeIncomplete = 4,

    /// <summary>Intake closes before it opens.</summary>
    IntakeOrder = 5,

    /// <summary>No working day.</summary>
    WorkingDays = 6,

    /// <summary>A slot shorter than 5 or longer than 240 minutes.</summary>
    SlotMinutes = 7,

    /// <summary>Fewer than 1 or more than 96 slots a day.</summary>
    SlotsPerDay = 8,

    /// <summary>Fewer than 1 or more than 10,000 places a slot.</summary>
    PlacesPerSlot = 9,

    /// <summary>The last slot ends after midnight.</summary>
    LastSlotAfterMidnight = 10,

    /// <summary>A daily quota below 1 or above 100,000.</summary>
    DailyQuota = 11,

    /// <summary>A priority share below 0 or above the daily quota.</summary>
    PriorityQuota = 12,

    /// <summary>A daily quota above what the slots hold.</summary>
    QuotaAboveSlots = 13,

    /// <summary>A booking window that is not 0 &lt;= start &lt;= end &lt;= 366 days.</summary>
    Window = 14,

    /// <summary>An arrival lead below 0 or above 240 minutes.</summary>
    ArriveMinutes = 15,

    /// <summary>No document to bring.</summary>
    Documents = 16,

    /// <summary>No such office.</summary>
    UnknownOffice = 17,

    /// <summary>The ballot's entry period: 5 to 1440 minutes, ending the day it starts.</summary>
    EntryPeriod = 18,

    /// <summary>With a ballot and intake hours, the entry period must lie inside the intake hours.</summary>
    EntryOutsideIntake = 19,

    /// <summary>Counters: one to thirty, each named (at most 30 characters), no two alike.</summary>
    Counters = 20,

    /// <summary>The turn-near notice: 0 (none) to 50 applicants ahead.</summary>
    NotifyWhenAhead = 21,
}
