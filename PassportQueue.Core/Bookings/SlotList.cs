using System.Collections;
using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// A day's slots, computed when one is asked for: a plan carries every bookable day of the window
/// (as alternatives), and most of them are never looked into.
/// </summary>
internal sealed class SlotList(OfficeCalendar calendar, DateOnly date) : IReadOnlyList<SlotPlan>
{
    public int Count => calendar.Settings.SlotsPerDay;

    public SlotPlan this[int index] => index >= 0 && index < Count
        ? new SlotPlan(index, calendar.SlotStartUtc(date, index), calendar.CheckInDeadlineUtc(date, index), calendar.Settings.PlacesPerSlot)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<SlotPlan> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
