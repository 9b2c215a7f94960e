namespace PassportQueue.Web.Data.Records;

/// <summary>
/// Places taken on one office day. Created with the quota in force when the day's first
/// booking arrives; conditional updates and check constraints keep it within the quota.
/// </summary>
public sealed class DayCounter
{
    public int OfficeId { get; set; }

    public DateOnly Date { get; set; }

    public int Quota { get; set; }

    public int PriorityQuota { get; set; }

    /// <summary>Places taken from the open share (quota minus priority share).</summary>
    public int OpenTaken { get; set; }

    /// <summary>Places taken from the priority share.</summary>
    public int PriorityTaken { get; set; }

    /// <summary>Applicants checked in so far: the last queue number given.</summary>
    public int Arrived { get; set; }
}
