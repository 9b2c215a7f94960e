using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// A request that passed every rule that needs no stored data, ready for the store to apply
/// the rules that do (blacklist, personal number, one active booking, places) atomically.
/// </summary>
/// <param name="OfficeId">Office booked.</param>
/// <param name="OfficeCode">Office code, the prefix of the booking code.</param>
/// <param name="Phone">Registering number.</param>
/// <param name="Name">Applicant's name, tidied.</param>
/// <param name="PersonKey">Identity of the applicant (normalised name and birth date).</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Address">Address, where the format carries one.</param>
/// <param name="AgeGroup">Age group; balita and lansia may use a family member's number and are priority.</param>
/// <param name="Days">Dates to try, in order, with their quotas and slots.</param>
/// <param name="Alternatives">Bookable days to suggest when none of <paramref name="Days"/> has a place.</param>
/// <param name="WhenFull">The refusal when none of <paramref name="Days"/> has a place.</param>
/// <param name="Rules">Deployment-wide rules.</param>
/// <param name="NowUtc">The instant of the request.</param>
public sealed record BookingPlan(
    int OfficeId,
    string OfficeCode,
    PhoneNumber Phone,
    string Name,
    string PersonKey,
    DateOnly BirthDate,
    string? Address,
    AgeGroup AgeGroup,
    IReadOnlyList<DayPlan> Days,
    IReadOnlyList<DayPlan> Alternatives,
    RefusalReason WhenFull,
    BookingRules Rules,
    DateTime NowUtc)
{
    /// <summary>Whether the applicant may draw on the office's priority share.</summary>
    public bool IsPriorityApplicant => AgeGroup != AgeGroup.Adult;
}

/// <summary>One date's quota and slots, as the office's settings give them today.</summary>
/// <param name="Date">The office-local date.</param>
/// <param name="Quota">Places in the day, priority share included; never more than the slots hold.</param>
/// <param name="PriorityQuota">Places kept for priority applicants.</param>
/// <param name="PlacesPerSlot">Places in each slot: the n-th place of the day is in slot (n - 1) / PlacesPerSlot.</param>
/// <param name="Slots">The day's slots, in order.</param>
/// <param name="FirstPlace">
/// The first place number still usable: 1, or on the day itself the first place of the first slot
/// whose check-in deadline is still ahead (the places of earlier slots are skipped).
/// </param>
public sealed record DayPlan(DateOnly Date, int Quota, int PriorityQuota, int PlacesPerSlot, IReadOnlyList<SlotPlan> Slots, int FirstPlace = 1)
{
    /// <summary>Places the day's slots hold.</summary>
    public int Capacity => Slots.Count * PlacesPerSlot;
}

/// <summary>One slot: its number, start, check-in deadline and places.</summary>
public sealed record SlotPlan(int Index, DateTime StartUtc, DateTime DeadlineUtc, int Capacity);
