namespace PassportQueue.Web.Data.Records;

/// <summary>
/// Places taken on one office day. Created with the quota and slot size in force when the day's
/// first booking arrives; conditional updates and check constraints keep it within the quota.
/// Places are numbered in the order they are taken, and the n-th place is in slot
/// (n - 1) / <see cref="PlacesPerSlot"/> (counting <see cref="Skipped"/> numbers): slots fill in order, and a unique index on the bookings'
/// place numbers means no slot can ever hold more than its places.
/// </summary>
public sealed class DayCounter
{
    public int OfficeId { get; set; }

    public DateOnly Date { get; set; }

    public int Quota { get; set; }

    public int PriorityQuota { get; set; }

    public int PlacesPerSlot { get; set; }

    public int SlotsPerDay { get; set; }

    /// <summary>Places taken from the open share (quota minus priority share).</summary>
    public int OpenTaken { get; set; }

    /// <summary>Places taken from the priority share.</summary>
    public int PriorityTaken { get; set; }

    /// <summary>
    /// Place numbers passed over because their slot's check-in had closed when the day itself was
    /// booked (a window that starts today). The next place is OpenTaken + PriorityTaken + Skipped + 1.
    /// </summary>
    public int Skipped { get; set; }

    /// <summary>
    /// The day's places are held for its draw (an office with a ballot): from the draw's commitment
    /// until the draw has run, no place is taken first-come.
    /// </summary>
    public bool Held { get; set; }

    /// <summary>Applicants checked in so far: the last queue number given.</summary>
    public int Arrived { get; set; }
}
