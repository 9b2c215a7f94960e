namespace PassportQueue.Core.Bookings;

/// <summary>What an applicant or officer is told about one booking.</summary>
public sealed record BookingView(
    string Code,
    string OfficeCode,
    string Name,
    DateOnly BirthDate,
    AgeGroup AgeGroup,
    bool IsOwner,
    DateOnly Date,
    int SlotIndex,
    DateTime SlotStartUtc,
    DateTime CheckInDeadlineUtc,
    BookingState State);
