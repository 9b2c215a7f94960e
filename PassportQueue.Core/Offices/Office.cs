namespace PassportQueue.Core.Offices;

/// <summary>An immigration office as stored: its identity and its current settings.</summary>
public sealed class Office
{
    private OfficeCalendar? _calendar;

    /// <summary>Creates an office from validated settings.</summary>
    public Office(OfficeSettings settings, DateTime updatedAtUtc)
    {
        Code = settings.Code;
        Settings = settings;
        UpdatedAtUtc = updatedAtUtc;
    }

    private Office()
    {
        Code = string.Empty;
        Settings = new OfficeSettings();
    }

    /// <summary>Database key.</summary>
    public int Id { get; private set; }

    /// <summary>Office code, unique.</summary>
    public string Code { get; private set; }

    /// <summary>The office's current settings.</summary>
    public OfficeSettings Settings { get; private set; }

    /// <summary>When the settings last changed.</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>New settings from a supervisor's edit, already validated; the code never changes.</summary>
    public void ChangeSettings(OfficeSettings settings, DateTime atUtc)
    {
        Settings = settings with { Code = Code };
        UpdatedAtUtc = atUtc;
        _calendar = null;
    }

    /// <summary>The office's calendar for its current settings.</summary>
    public OfficeCalendar Calendar => _calendar ??= new OfficeCalendar(Settings);
}
