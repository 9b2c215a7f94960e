namespace PassportQueue.Core.Bookings;

/// <summary>Which rule of the personal-number policy an applicant falls under.</summary>
public enum AgeGroup
{
    /// <summary>5 to 59 on the arrival date: must book from their own number.</summary>
    Adult = 0,

    /// <summary>Under 5 on the arrival date: may be booked from a parent's number; priority.</summary>
    Balita = 1,

    /// <summary>60 or older on the arrival date: may be booked from a close family member's number; priority.</summary>
    Lansia = 2,
}
