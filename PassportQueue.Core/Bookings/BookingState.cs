namespace PassportQueue.Core.Bookings;

/// <summary>
/// Where a booking stands. Booked -> Arrived -> Completed or Returned; Booked -> Forfeited.
/// Booked and Arrived are active: a person has at most one active booking.
/// </summary>
public enum BookingState
{
    /// <summary>Code issued, applicant not yet at the counter.</summary>
    Booked = 0,

    /// <summary>Checked in on time; waiting with a queue number.</summary>
    Arrived = 1,

    /// <summary>Documents accepted.</summary>
    Completed = 2,

    /// <summary>Documents incomplete; sent back with a reason.</summary>
    Returned = 3,

    /// <summary>Late or no-show: the code is void ("hangus") and the applicant may book again.</summary>
    Forfeited = 4,

    /// <summary>
    /// Voided by a supervisor before its day (a blacklisted number's booking), with a reason; the code
    /// is kept, and its place is offered to the next entrant in the day's draw order.
    /// </summary>
    Voided = 5,
}
