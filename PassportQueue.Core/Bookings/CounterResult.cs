namespace PassportQueue.Core.Bookings;

/// <summary>The answer to an officer's action, with the booking as it now stands.</summary>
public sealed record CounterResult(CounterStatus Status, BookingView? Booking = null, int? QueueNumber = null);
