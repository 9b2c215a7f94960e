namespace PassportQueue.Core.Integrity;

/// <summary>
/// The absolute thresholds of the integrity report (<c>Integrity:Thresholds:{Check}</c>, a share 0–1 of the officer's
/// check-ins or completions): a rate at or above one is marked however few officers the office has.
/// </summary>
public sealed class IntegrityThresholds
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Integrity";

    /// <summary>Per check, the share at or above which an officer's rate is marked; checks not listed use <see cref="Defaults"/>.</summary>
    public Dictionary<IntegrityCheck, double> Thresholds { get; set; } = [];

    /// <summary>
    /// Where an office starts: out-of-order and early check-ins happen by accident now and then (10 %), a check-in
    /// before opening or a completion without a check-in or for a flagged number should not happen at all (any one).
    /// </summary>
    public static IReadOnlyDictionary<IntegrityCheck, double> Defaults { get; } = new Dictionary<IntegrityCheck, double>
    {
        [IntegrityCheck.OutOfSlotOrder] = 0.10,
        [IntegrityCheck.BeforeOpening] = 0.0001,
        [IntegrityCheck.OutsideSlotHour] = 0.10,
        [IntegrityCheck.CompletedWithoutCheckIn] = 0.0001,
        [IntegrityCheck.CompletedFlaggedNumber] = 0.0001,
    };

    /// <summary>The threshold in force for a check.</summary>
    public double For(IntegrityCheck check) => Thresholds.TryGetValue(check, out var set) ? set : Defaults[check];

    /// <summary>
    /// Whether and why an officer's rate of <paramref name="check"/> is marked: more than twice the office's rate, at or
    /// above the absolute threshold, or both. An officer with no finding of the check is never marked.
    /// </summary>
    public IntegrityAlarm Of(OfficerRates officer, OfficerRates office, IntegrityCheck check)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(office);
        if (officer.Findings.GetValueOrDefault(check) == 0)
        {
            return IntegrityAlarm.None;
        }

        var rate = officer.Rate(check);
        var relative = rate > 2 * office.Rate(check);
        var absolute = rate >= For(check);
        return (relative, absolute) switch
        {
            (true, true) => IntegrityAlarm.Both,
            (true, false) => IntegrityAlarm.AboveOfficeAverage,
            (false, true) => IntegrityAlarm.AboveThreshold,
            _ => IntegrityAlarm.None,
        };
    }
}
