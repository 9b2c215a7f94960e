using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Integrity;

/// <summary>What the integrity report checks at the counter.</summary>
public enum IntegrityCheck
{
    /// <summary>A check-in of a later slot just before the same officer checked in an earlier one: someone put ahead of the order.</summary>
    OutOfSlotOrder = 0,

    /// <summary>A check-in before the office opens (<see cref="CounterIntegrity.OpensMinutesBeforeFirstSlot"/> before its first slot): the Ombudsman's "served at 06:00".</summary>
    BeforeOpening = 1,

    /// <summary>A check-in more than <see cref="CounterIntegrity.SlotHourMinutes"/> minutes before its slot starts.</summary>
    OutsideSlotHour = 2,

    /// <summary>A completion of a booking that has no check-in in the audit trail.</summary>
    CompletedWithoutCheckIn = 3,

    /// <summary>A completion for a number that was flagged or blacklisted by then.</summary>
    CompletedFlaggedNumber = 4,
}

/// <summary>A check-in as the report sees it: the audit line, who, which booking and its slot.</summary>
public sealed record CheckInFact(long AuditId, string Officer, string Code, DateOnly Date, DateTime SlotStartUtc, int SlotIndex, DateTime AtUtc);

/// <summary>A completion as the report sees it.</summary>
public sealed record CompletionFact(long AuditId, string Officer, string Code, DateTime AtUtc, bool HadCheckIn, bool NumberFlagged);

/// <summary>One irregular counter action, pointing at its audit line.</summary>
public sealed record IntegrityFinding(IntegrityCheck Check, long AuditId, string Officer, string Code, DateTime AtUtc);

/// <summary>An officer's counter actions and how many of each were irregular, beside the office's rate.</summary>
public sealed record OfficerRates(string Officer, int CheckIns, int Completions, IReadOnlyDictionary<IntegrityCheck, int> Findings)
{
    /// <summary>The share of the officer's actions of the check's kind (check-ins or completions) that the check found, 0–1.</summary>
    public double Rate(IntegrityCheck check)
    {
        var of = CounterIntegrity.OnCompletions(check) ? Completions : CheckIns;
        return of == 0 ? 0 : Findings.GetValueOrDefault(check) / (double)of;
    }
}

/// <summary>The integrity report's rules, in one place: which counter actions are irregular, and each officer's rates.</summary>
public static class CounterIntegrity
{
    /// <summary>The office opens this long before its first slot; a check-in earlier is before opening.</summary>
    public const int OpensMinutesBeforeFirstSlot = 60;

    /// <summary>A check-in more than this long before its slot is outside the slot's hour.</summary>
    public const int SlotHourMinutes = 60;

    /// <summary>Whether a check counts completions (else check-ins).</summary>
    public static bool OnCompletions(IntegrityCheck check) => check is IntegrityCheck.CompletedWithoutCheckIn or IntegrityCheck.CompletedFlaggedNumber;

    /// <summary>Every irregular action among an office's check-ins and completions.</summary>
    public static IReadOnlyList<IntegrityFinding> Find(Office office, IReadOnlyList<CheckInFact> checkIns, IReadOnlyList<CompletionFact> completions)
    {
        ArgumentNullException.ThrowIfNull(office);
        var findings = new List<IntegrityFinding>();
        foreach (var day in checkIns.GroupBy(c => (c.Officer, c.Date)))
        {
            var ordered = day.OrderBy(c => c.AtUtc).ThenBy(c => c.AuditId).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i].SlotIndex > ordered[i + 1].SlotIndex)
                {
                    findings.Add(Of(IntegrityCheck.OutOfSlotOrder, ordered[i]));
                }
            }
        }

        foreach (var c in checkIns)
        {
            var opens = office.Calendar.ToUtc(c.Date, office.Settings.FirstSlot).AddMinutes(-OpensMinutesBeforeFirstSlot);
            if (c.AtUtc < opens)
            {
                findings.Add(Of(IntegrityCheck.BeforeOpening, c));
            }
            else if (c.AtUtc < c.SlotStartUtc.AddMinutes(-SlotHourMinutes))
            {
                findings.Add(Of(IntegrityCheck.OutsideSlotHour, c));
            }
        }

        findings.AddRange(completions.Where(c => !c.HadCheckIn).Select(c => new IntegrityFinding(IntegrityCheck.CompletedWithoutCheckIn, c.AuditId, c.Officer, c.Code, c.AtUtc)));
        findings.AddRange(completions.Where(c => c.NumberFlagged).Select(c => new IntegrityFinding(IntegrityCheck.CompletedFlaggedNumber, c.AuditId, c.Officer, c.Code, c.AtUtc)));
        return [.. findings.OrderBy(f => f.AtUtc).ThenBy(f => f.Check)];
    }

    /// <summary>Each officer's actions and findings, and the office's as a whole (its officer is empty).</summary>
    public static (OfficerRates Office, IReadOnlyList<OfficerRates> Officers) Rates(
        IReadOnlyList<CheckInFact> checkIns, IReadOnlyList<CompletionFact> completions, IReadOnlyList<IntegrityFinding> findings)
    {
        OfficerRates For(string who, IEnumerable<CheckInFact> ins, IEnumerable<CompletionFact> outs, IEnumerable<IntegrityFinding> found) =>
            new(who, ins.Count(), outs.Count(), found.GroupBy(f => f.Check).ToDictionary(g => g.Key, g => g.Count()));

        var officers = checkIns.Select(c => c.Officer).Concat(completions.Select(c => c.Officer)).Distinct().Order(StringComparer.Ordinal)
            .Select(o => For(o, checkIns.Where(c => c.Officer == o), completions.Where(c => c.Officer == o), findings.Where(f => f.Officer == o)))
            .ToList();
        return (For(string.Empty, checkIns, completions, findings), officers);
    }

    private static IntegrityFinding Of(IntegrityCheck check, CheckInFact c) => new(check, c.AuditId, c.Officer, c.Code, c.AtUtc);
}
