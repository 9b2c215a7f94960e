using System.Globalization;
using Microsoft.AspNetCore.Components;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Offices;

/// <summary>A supervisor's own office settings (an admin's: any office), validated and audited on save.</summary>
public sealed partial class OfficeSettingsPage
{
    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    [Inject]
    private OfficeSettingsEditor Editor { get; set; } = default!;

    private IReadOnlyList<Office> AllOffices { get; set; } = [];

    private string OfficeCode { get; set; } = string.Empty;

    private SettingsForm? Form { get; set; }

    private IReadOnlyList<string> Errors { get; set; } = [];

    private bool Saved { get; set; }

    protected override async Task OnStaffInitializedAsync()
    {
        AllOffices = await Offices.AllAsync(CancellationToken.None);
        OfficeCode = Me.OfficeCode ?? (AllOffices.Count > 0 ? AllOffices[0].Code : string.Empty);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Errors = [];
        Saved = false;
        var office = Me.MaySee(OfficeCode) ? await Offices.FindByCodeAsync(OfficeCode, CancellationToken.None) : null;
        Form = office is null ? null : SettingsForm.From(office.Settings);
    }

    private async Task SaveAsync()
    {
        if (Form is null || !Me.MaySee(OfficeCode))
        {
            return;
        }

        var (settings, problems) = Form.ToSettings(L["Settings_BadTime"], L["Settings_BadDate"]);
        Errors = problems.Count > 0
            ? problems
            : [.. (await Editor.SaveAsync(OfficeCode, settings!, Me.Actor, CancellationToken.None)).Select(p => L[$"SettingsProblem_{p}"].Value)];
        Saved = Errors.Count == 0;
    }

    /// <summary>The editable settings as the form shows them: times as HH:MM, lists one per line.</summary>
    private sealed class SettingsForm
    {
        private OfficeSettings _original = new();

        public string Name { get; set; } = string.Empty;

        public int DailyQuota { get; set; }

        public int PriorityQuota { get; set; }

        public string FirstSlot { get; set; } = string.Empty;

        public int SlotMinutes { get; set; }

        public int SlotsPerDay { get; set; }

        public int PlacesPerSlot { get; set; }

        public string? IntakeOpens { get; set; }

        public string? IntakeCloses { get; set; }

        public int WindowEndDays { get; set; }

        public int ArriveMinutesBefore { get; set; }

        public string ClosedDates { get; set; } = string.Empty;

        public Allocation Allocation { get; set; }

        public string ReleaseTime { get; set; } = string.Empty;

        public int EntryMinutes { get; set; }

        public string Documents { get; set; } = string.Empty;

        public string Counters { get; set; } = string.Empty;

        public bool PriorityFirst { get; set; }

        public int NotifyWhenAhead { get; set; }

        public static SettingsForm From(OfficeSettings s) => new()
        {
            _original = s,
            Name = s.Name,
            DailyQuota = s.DailyQuota,
            PriorityQuota = s.PriorityQuota,
            FirstSlot = s.FirstSlot.ToString("HH:mm", CultureInfo.InvariantCulture),
            SlotMinutes = s.SlotMinutes,
            SlotsPerDay = s.SlotsPerDay,
            PlacesPerSlot = s.PlacesPerSlot,
            IntakeOpens = s.IntakeOpens?.ToString("HH:mm", CultureInfo.InvariantCulture),
            IntakeCloses = s.IntakeCloses?.ToString("HH:mm", CultureInfo.InvariantCulture),
            WindowEndDays = s.WindowEndDays,
            ArriveMinutesBefore = s.ArriveMinutesBefore,
            ClosedDates = string.Join("\n", s.ClosedDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            Documents = string.Join("\n", s.Documents),
            Counters = string.Join("\n", s.Counters),
            PriorityFirst = s.PriorityFirst,
            NotifyWhenAhead = s.NotifyWhenAhead,
            Allocation = s.Allocation,
            ReleaseTime = s.ReleaseTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            EntryMinutes = s.EntryMinutes,
        };

        public (OfficeSettings? Settings, IReadOnlyList<string> Problems) ToSettings(string badTime, string badDate)
        {
            var problems = new List<string>();
            TimeOnly? Time(string? text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (TimeOnly.TryParseExact(text.Trim().Replace('.', ':'), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time;
                }

                problems.Add(string.Format(CultureInfo.CurrentCulture, badTime, text));
                return null;
            }

            var dates = new List<DateOnly>();
            foreach (var line in Lines(ClosedDates))
            {
                if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    problems.Add(string.Format(CultureInfo.CurrentCulture, badDate, line));
                }
            }

            var settings = _original with
            {
                DailyQuota = DailyQuota,
                PriorityQuota = PriorityQuota,
                FirstSlot = Time(FirstSlot) ?? _original.FirstSlot,
                SlotMinutes = SlotMinutes,
                SlotsPerDay = SlotsPerDay,
                PlacesPerSlot = PlacesPerSlot,
                IntakeOpens = Time(IntakeOpens),
                IntakeCloses = Time(IntakeCloses),
                WindowEndDays = WindowEndDays,
                ArriveMinutesBefore = ArriveMinutesBefore,
                ClosedDates = [.. dates.Distinct().Order()],
                Documents = [.. Lines(Documents)],
                Counters = [.. Lines(Counters)],
                PriorityFirst = PriorityFirst,
                NotifyWhenAhead = NotifyWhenAhead,
                Allocation = Allocation,
                ReleaseTime = Time(ReleaseTime) ?? _original.ReleaseTime,
                EntryMinutes = EntryMinutes,
            };
            return (problems.Count == 0 ? settings : null, problems);
        }

        private static string[] Lines(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
