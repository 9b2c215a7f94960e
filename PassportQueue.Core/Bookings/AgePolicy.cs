namespace PassportQueue.Core.Bookings;

/// <summary>Ages as the passport rules count them.</summary>
public static class AgePolicy
{
    /// <summary>Below this age an applicant is a balita.</summary>
    public const int BalitaBelow = 5;

    /// <summary>From this age an applicant is a lansia.</summary>
    public const int LansiaFrom = 60;

    /// <summary>
    /// Completed years on a date. Someone born on 29 February completes a year on 1 March in
    /// common years: they have not lived the full year before then.
    /// </summary>
    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if ((date.Month, date.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0)
        {
            age--;
        }

        return age;
    }

    /// <summary>The age group on the arrival date.</summary>
    public static AgeGroup Classify(DateOnly birthDate, DateOnly arrivalDate) => AgeOn(birthDate, arrivalDate) switch
    {
        < BalitaBelow => AgeGroup.Balita,
        >= LansiaFrom => AgeGroup.Lansia,
        _ => AgeGroup.Adult,
    };
}
