namespace PassportQueue.Core.Bookings;

/// <summary>The only moves a booking may make. Nothing removes a booking.</summary>
public static class BookingTransitions
{
    /// <summary>Whether a booking may move from one state to another.</summary>
    public static bool Allows(BookingState from, BookingState to) => (from, to) switch
    {
        (BookingState.Booked, BookingState.Arrived) => true,
        (BookingState.Booked, BookingState.Forfeited) => true,
        (BookingState.Booked, BookingState.Voided) => true,
        (BookingState.Arrived, BookingState.Completed) => true,
        (BookingState.Arrived, BookingState.Returned) => true,
        _ => false,
    };

    /// <summary>Whether a booking in this state still holds its person's one active place.</summary>
    public static bool IsActive(BookingState state) => state is BookingState.Booked or BookingState.Arrived;
}
