using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings.Admission;

/// <summary>What the store read about a number and a person just before a booking, in the booking's transaction.</summary>
/// <param name="Number">The registering number, or null when it never wrote.</param>
/// <param name="PersonOwnsAnotherNumber">Whether the person is already the owner of a different number.</param>
/// <param name="ActiveBooking">The person's active booking (Booked or Arrived), at any office, if any.</param>
/// <param name="KnownDependant">Whether the person is already counted as one of this number's balita or lansia.</param>
public sealed record AdmissionFacts(NumberFacts? Number, bool PersonOwnsAnotherNumber, ActiveBookingFact? ActiveBooking, bool KnownDependant)
{
    /// <summary>Nothing is known: a new number and a new person.</summary>
    public static AdmissionFacts None { get; } = new(null, false, null, false);
}

/// <summary>A number's standing, owner and dependants as stored.</summary>
/// <param name="Standing">Clear, flagged or blacklisted.</param>
/// <param name="OwnerPersonKey">The owner's identity, or null while no adult has booked from it.</param>
/// <param name="Dependants">How many different balita and lansia it registered.</param>
public sealed record NumberFacts(PhoneStanding Standing, string? OwnerPersonKey, int Dependants);

/// <summary>A person's active booking: its code and the number it was registered from.</summary>
public sealed record ActiveBookingFact(string Code, PhoneNumber Phone);
