using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Reporting;

namespace PassportQueue.Web.Phones;

/// <summary>
/// Numbers of one standing (flagged, or blacklisted) with each one's evidence as a timeline, and
/// the supervisor's decisions on them, each with a required reason. Every action checks on the
/// server that the number is in the supervisor's office scope.
/// </summary>
public sealed partial class NumberReview
{
    [Parameter, EditorRequired]
    public PhoneStanding Standing { get; set; }

    [Parameter, EditorRequired]
    public Staff Me { get; set; } = default!;

    [Parameter, EditorRequired]
    public string EmptyKey { get; set; } = string.Empty;

    /// <summary>Formats an instant in the page's office time.</summary>
    [Parameter, EditorRequired]
    public Func<DateTime, string> Local { get; set; } = default!;

    [Inject]
    private IStringLocalizer<DashboardText> L { get; set; } = default!;

    [Inject]
    private SupervisorQueries Queries { get; set; } = default!;

    [Inject]
    private IPhoneRegistry Registry { get; set; } = default!;

    [Inject]
    private Rings.RingQueries Rings { get; set; } = default!;

    private IReadOnlyList<PhoneRecord> Numbers { get; set; } = [];

    private IReadOnlyList<TimelineEntry> Timeline { get; set; } = [];

    private string? Search { get; set; }

    private string? Selected { get; set; }

    private string? Reason { get; set; }

    private string? Notice { get; set; }

    private Severity NoticeSeverity { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync() => Numbers = await Queries.NumbersAsync(Standing, Me.Scope, Search, CancellationToken.None);

    private async Task SelectAsync()
    {
        Notice = null;
        if (Selected is null)
        {
            Timeline = [];
            return;
        }

        var signals = (await Rings.SignalsOfNumberAsync(Selected, CancellationToken.None))
            .Select(s => new TimelineEntry(s.FirstSeenUtc, TimelineKind.Signal, null, "system") { Signal = (s.Kind, s.Id) });
        Timeline = [.. (await Queries.TimelineAsync(Selected, CancellationToken.None)).Concat(signals).OrderByDescending(e => e.AtUtc)];
    }

    private async Task DecideAsync(ReviewDecision decision)
    {
        if (Selected is null || !PhoneNumber.TryParse(Selected, out var phone) || !await Queries.MaySeeAsync(phone.E164, Me.Scope, CancellationToken.None))
        {
            return;
        }

        var reason = Reason ?? string.Empty;
        var result = decision switch
        {
            ReviewDecision.Blacklist => await Registry.BlacklistAsync(phone, reason, Me.Actor, CancellationToken.None),
            ReviewDecision.Clear => await Registry.ClearFlagAsync(phone, reason, Me.Actor, CancellationToken.None),
            _ => await Registry.LiftBlacklistAsync(phone, reason, Me.Actor, CancellationToken.None),
        };
        (Notice, NoticeSeverity) = result.Status switch
        {
            PhoneChangeStatus.Changed => (L["Done"].Value, Severity.Success),
            PhoneChangeStatus.ReasonRequired => (L["ReasonRequired"].Value, Severity.Warning),
            _ => (L["NotChanged", L[$"Standing_{result.Standing}"]].Value, Severity.Info),
        };
        if (result.Changed)
        {
            Reason = null;
            await LoadAsync();
        }

        var notice = (Notice, NoticeSeverity);
        await SelectAsync();
        (Notice, NoticeSeverity) = notice;
    }

    private string Describe(TimelineEntry entry) => entry switch
    {
        { Signal: { } signal } => L["Ring_SignalOnTimeline", L[$"Signal_{signal.Kind}"], signal.Id],
        { State: { } state } => $"{entry.What} · {L[$"State_{state}"]}",
        { Flag: { } flag } => entry.What is null ? L[$"Flag_{flag}"] : $"{L[$"Flag_{flag}"]}: {AuditText.Reason(L, entry.What)}",
        { Action: { } action } => entry.What is null ? AuditText.Action(L, action) : $"{AuditText.Action(L, action)}: {AuditText.Reason(L, entry.What)}",
        _ => entry.What ?? string.Empty,
    };

    private static Color Colour(TimelineKind kind) => kind switch
    {
        TimelineKind.Flag => Color.Error,
        TimelineKind.Booking => Color.Primary,
        TimelineKind.Audit => Color.Warning,
        TimelineKind.Signal => Color.Secondary,
        _ => Color.Default,
    };

    private enum ReviewDecision
    {
        Blacklist,
        Clear,
        Lift,
    }
}
