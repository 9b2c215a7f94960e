using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Retention;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Ballot;

/// <summary>An entrant of a day's draw in draw order, as a freed place's offer reads them.</summary>
internal sealed record Entrant(
    long Id, string Code, int Rank, string PersonKey, string Phone, string Name, DateOnly BirthDate, string? Address, AgeGroup AgeGroup, string OfficeCode)
{
    /// <summary>The entrant as a request for the freed place, for Core's admission rules.</summary>
    public BookingPlan Plan(OfferRows.FreedPlace freed, BookingRules rules, DateTime now) =>
        new(freed.OfficeId, OfficeCode, PhoneNumber.FromE164(Phone), Name, PersonKey, BirthDate, Address, AgeGroup, [], [], RefusalReason.DayFull, rules, now);
}

/// <summary>What offering a freed place needs besides the database: the rules (the offer's time, the dependants' limit) and the pseudonyms.</summary>
internal sealed record Offering(BookingRules Rules, Pseudonyms Pseudonyms)
{
    /// <summary>A person's identity as written and as pseudonymised, as the admission facts match it.</summary>
    public Identities Identities(string personKey) => new(personKey, Pseudonyms.Identity(personKey));
}
