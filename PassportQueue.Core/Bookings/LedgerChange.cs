namespace PassportQueue.Core.Bookings;

/// <summary>The result of one conditional state change in the ledger.</summary>
/// <param name="Changed">Whether this call made the change (false: the booking was no longer in the expected state).</param>
/// <param name="Booking">The booking as it now stands.</param>
/// <param name="QueueNumber">The queue number given at check-in.</param>
public sealed record LedgerChange(bool Changed, BookingView? Booking, int? QueueNumber = null);
