namespace PassportQueue.Core.Queue;

/// <summary>What a counter does with the queue.</summary>
public enum CallKind
{
    /// <summary>Calls the next arrived applicant.</summary>
    Call = 0,

    /// <summary>Calls its applicant again.</summary>
    Recall = 1,

    /// <summary>Gives up on its applicant (who did not come to the counter), with a reason.</summary>
    Skip = 2,
}

/// <summary>An applicant who checked in and was not called yet.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="QueueNumber">The number given at check-in.</param>
/// <param name="IsPriority">A balita or lansia (the office's priority share).</param>
public sealed record WaitingApplicant(long BookingId, int QueueNumber, bool IsPriority);

/// <summary>The order in which counters call arrived applicants, in one place.</summary>
public static class CallOrder
{
    /// <summary>
    /// The waiting applicants in the order they are called: by queue number, with balita and lansia
    /// first where the office says so (<see cref="Offices.OfficeSettings.PriorityFirst"/>).
    /// </summary>
    public static IReadOnlyList<WaitingApplicant> Order(IEnumerable<WaitingApplicant> waiting, bool priorityFirst) =>
        [.. waiting.OrderBy(w => priorityFirst && w.IsPriority ? 0 : 1).ThenBy(w => w.QueueNumber)];

    /// <summary>
    /// Who is told their turn is near when <paramref name="called"/> is called: those still waiting with at most
    /// <paramref name="notifyWhenAhead"/> others before them (<see cref="Offices.OfficeSettings.NotifyWhenAhead"/>); none when it is 0.
    /// </summary>
    /// <param name="ordered">The waiting applicants in calling order (<see cref="Order"/>), before the call.</param>
    /// <param name="called">The applicant just called.</param>
    /// <param name="notifyWhenAhead">The office's threshold.</param>
    public static IReadOnlyList<WaitingApplicant> TurnNear(IReadOnlyList<WaitingApplicant> ordered, WaitingApplicant called, int notifyWhenAhead) =>
        notifyWhenAhead <= 0 ? [] : [.. ordered.Where(w => w.BookingId != called.BookingId).Take(notifyWhenAhead + 1)];
}
