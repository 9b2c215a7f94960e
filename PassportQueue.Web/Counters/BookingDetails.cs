using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Counters;

/// <summary>Everything the counter officer checks before acting on a code.</summary>
public sealed record BookingDetails(
    BookingView Booking,
    string OfficeName,
    string Phone,
    string? Address,
    int? QueueNumber,
    string? StateReason,
    PhoneStanding Standing,
    IReadOnlyList<PhoneFlag> Flags,
    string? PhotoDataUri);
