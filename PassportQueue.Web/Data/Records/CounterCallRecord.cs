namespace PassportQueue.Web.Data.Records;

/// <summary>
/// One call at a counter: which counter called, recalled or skipped which arrived applicant, when and
/// by whom. Never deleted. Each applicant is called (<see cref="Core.Queue.CallKind.Call"/>) at most once:
/// a unique index guards two counters pressing "next" at the same moment.
/// </summary>
public sealed class CounterCallRecord
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public DateOnly Date { get; set; }

    public string Counter { get; set; } = string.Empty;

    public long BookingId { get; set; }

    public int QueueNumber { get; set; }

    public Core.Queue.CallKind Kind { get; set; }

    public string? Reason { get; set; }

    public string Actor { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}
