namespace PassportQueue.Core.Bookings;

/// <summary>
/// Whether a day still has a place, from its stored count. The store takes a place with a
/// conditional update guarded by the same conditions (and check constraints); this rule is the
/// one that answers "which dates have places" for a refusal's suggestions.
/// </summary>
public static class DayPlaces
{
    /// <summary>Whether <paramref name="day"/> has a place for a regular or a priority applicant; a day with no count yet has all its places.</summary>
    public static bool HasPlace(DayPlan day, DayCount? count, bool priority)
    {
        if (count is null)
        {
            return day.Quota > 0 && day.FirstPlace <= day.Capacity;
        }

        // Places are numbered in order; those before the first usable one are skipped, and none goes past the slots.
        if (Math.Max(count.Numbered, day.FirstPlace - 1) >= count.Capacity)
        {
            return false;
        }

        return count.OpenTaken + count.PriorityQuota < count.Quota || (priority && count.PriorityTaken < count.PriorityQuota);
    }

    /// <summary>
    /// Takes a place from a day's count, as the store's conditional updates do one by one: on the day
    /// itself the place numbers of slots whose check-in has closed are passed over first; a balita or
    /// lansia takes from the priority share while it lasts, anyone from the open share; no place goes
    /// past the slots, and a day held for its draw gives none first-come. Returns the count after
    /// (skips included, also when no place was left) and the place, if one was taken.
    /// </summary>
    /// <remarks>
    /// The store uses this to take many places of a locked day at once; the check constraints on the
    /// stored count and the unique place number stay the guard.
    /// </remarks>
    public static (DayCount Count, TakenShare? Place) Take(DayPlan day, DayCount count, bool priority, bool held)
    {
        var before = Math.Min(day.FirstPlace - 1, day.Capacity);
        if (day.FirstPlace > 1 && count.Numbered < before)
        {
            count = count with { Skipped = before - count.OpenTaken - count.PriorityTaken };
        }

        if (held || count.Numbered >= count.Capacity)
        {
            return (count, null);
        }

        if (priority && count.PriorityTaken < count.PriorityQuota)
        {
            count = count with { PriorityTaken = count.PriorityTaken + 1 };
            return (count, new TakenShare(count.Numbered, Priority: true));
        }

        if (count.OpenTaken + count.PriorityQuota < count.Quota)
        {
            count = count with { OpenTaken = count.OpenTaken + 1 };
            return (count, new TakenShare(count.Numbered, Priority: false));
        }

        return (count, null);
    }

    /// <summary>
    /// Whether a place freed on a drawn day may go to an applicant: a place of the priority share only
    /// to a balita or lansia, a place of the open share to anyone. Who of those is admitted at all is
    /// <see cref="Admission.AdmissionRules"/>'s to say.
    /// </summary>
    public static bool FreedPlaceFits(bool priorityPlace, AgeGroup applicant) => !priorityPlace || applicant != AgeGroup.Adult;
}

/// <summary>A place taken from a day's count: its number in the day, and whether it came from the priority share.</summary>
public sealed record TakenShare(int Number, bool Priority);

/// <summary>A day's stored count of places.</summary>
/// <param name="Date">The office-local date.</param>
/// <param name="Quota">Places in the day, priority share included, fixed when the day opened (or by a settings edit).</param>
/// <param name="PriorityQuota">The priority share.</param>
/// <param name="OpenTaken">Places taken from the open share.</param>
/// <param name="PriorityTaken">Places taken from the priority share.</param>
/// <param name="Skipped">Place numbers passed over because their slot's check-in had closed when the day was booked.</param>
/// <param name="Capacity">Places the day's slots hold.</param>
public sealed record DayCount(DateOnly Date, int Quota, int PriorityQuota, int OpenTaken, int PriorityTaken, int Skipped, int Capacity)
{
    /// <summary>Place numbers given out or skipped: the next place is this plus one.</summary>
    public int Numbered => OpenTaken + PriorityTaken + Skipped;
}
