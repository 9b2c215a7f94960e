using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings.Admission;

/// <summary>
/// The rules of a booking that need stored data: the blacklist, one active booking per person,
/// the personal number (one owner per number, one number per owner) and the dependants' limit.
/// Pure: the store reads the facts, these rules decide, and the store only makes the claims
/// decided, each guarded by the database (a unique index or a conditional update).
/// </summary>
public static class AdmissionRules
{
    /// <summary>Decides a plan against the facts stored when its transaction read them.</summary>
    public static AdmissionDecision Decide(BookingPlan plan, AdmissionFacts facts)
    {
        var number = facts.Number;
        if (number?.Standing == PhoneStanding.Blacklisted)
        {
            return new AdmissionRefused(RefusalReason.Blacklisted);
        }

        if (facts.ActiveBooking is { } active)
        {
            // The same number is told its own code; another number learns nothing of it, and is flagged.
            return active.Phone == plan.Phone
                ? new AdmissionRefused(RefusalReason.PersonHasActiveBooking, ExistingCode: active.Code)
                : new AdmissionRefused(
                    RefusalReason.PersonHasActiveBooking,
                    new RaisedFlag(FlagReason.SeveralNumbers, SystemReason.Of(ReasonCode.AlreadyBookedFrom, active.Phone.Masked)));
        }

        if (number?.OwnerPersonKey == plan.PersonKey)
        {
            return new AdmissionGranted(NumberClaim.Owner);
        }

        if (plan.AgeGroup == AgeGroup.Adult)
        {
            if (number?.OwnerPersonKey is not null)
            {
                return TriedToBook(plan, RefusalReason.NumberBelongsToAnotherAdult);
            }

            return facts.PersonOwnsAnotherNumber
                ? TriedToBook(plan, RefusalReason.PersonUsesAnotherNumber)
                : new AdmissionGranted(NumberClaim.NewOwner);
        }

        if (facts.KnownDependant)
        {
            return new AdmissionGranted(NumberClaim.KnownDependant);
        }

        return (number?.Dependants ?? 0) < plan.Rules.MaxDependantsPerNumber
            ? new AdmissionGranted(NumberClaim.NewDependant)
            : new AdmissionRefused(RefusalReason.TooManyDependants);
    }

    /// <summary>
    /// The claim could not be made: another request took the number's ownership or its last
    /// dependant's place after the facts were read.
    /// </summary>
    public static AdmissionRefused ClaimLost(BookingPlan plan, NumberClaim claim) => claim switch
    {
        NumberClaim.NewOwner => TriedToBook(plan, RefusalReason.NumberBelongsToAnotherAdult),
        NumberClaim.NewDependant => new AdmissionRefused(RefusalReason.TooManyDependants),
        _ => throw new ArgumentOutOfRangeException(nameof(claim), claim, "Only new owners and new dependants are claimed."),
    };

    /// <summary>Every rule passed but none of the plan's days has a place left.</summary>
    public static AdmissionRefused NoPlace(BookingPlan plan) => new(plan.WhenFull, SuggestDates: true);

    private static AdmissionRefused TriedToBook(BookingPlan plan, RefusalReason reason) => new(
        reason,
        new RaisedFlag(
            reason == RefusalReason.NumberBelongsToAnotherAdult ? FlagReason.AnotherAdult : FlagReason.SeveralNumbers,
            SystemReason.Of(ReasonCode.TriedToBook, plan.Name)));
}
