using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;

namespace PassportQueue.Tests.Core.Bookings.Admission;

public sealed class AdmissionRulesTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("081234567890");
    private static readonly PhoneNumber OtherPhone = PhoneNumber.Parse("081299990000");
    private const string Adult = "BUDI SANTOSO|1987-01-25";

    [Fact]
    public void GrantsANewNumberToItsFirstAdultAsOwner() =>
        Assert.Equal(NumberClaim.NewOwner, Granted(AdmissionRules.Decide(AdultPlan(), AdmissionFacts.None)));

    [Fact]
    public void GrantsTheOwnerOfTheNumberWithoutAClaim() =>
        Assert.Equal(NumberClaim.Owner, Granted(AdmissionRules.Decide(AdultPlan(), Facts(Number(owner: Adult)))));

    [Fact]
    public void GrantsAnUnownedKnownNumberToItsFirstAdult() =>
        Assert.Equal(NumberClaim.NewOwner, Granted(AdmissionRules.Decide(AdultPlan(), Facts(Number(owner: null, dependants: 2)))));

    [Fact]
    public void RefusesABlacklistedNumberWithoutAFlag()
    {
        var refused = Refused(AdmissionRules.Decide(AdultPlan(), Facts(Number(PhoneStanding.Blacklisted, Adult))));

        Assert.Equal(RefusalReason.Blacklisted, refused.Reason);
        Assert.Null(refused.Flag);
        Assert.False(refused.SuggestDates);
    }

    [Fact]
    public void BooksAFlaggedNumberAsAClearOne() =>
        Assert.Equal(NumberClaim.Owner, Granted(AdmissionRules.Decide(AdultPlan(), Facts(Number(PhoneStanding.Flagged, Adult)))));

    [Fact]
    public void TellsThePersonTheirOwnCodeWhenTheyAlreadyBookedFromThisNumber()
    {
        var facts = Facts(Number(owner: Adult)) with { ActiveBooking = new ActiveBookingFact("BGR-7K3M9QX2", Phone) };

        var refused = Refused(AdmissionRules.Decide(AdultPlan(), facts));

        Assert.Equal(RefusalReason.PersonHasActiveBooking, refused.Reason);
        Assert.Equal("BGR-7K3M9QX2", refused.ExistingCode);
        Assert.Null(refused.Flag);
    }

    [Fact]
    public void HidesTheCodeAndFlagsANumberOfAPersonWhoBookedFromAnother()
    {
        var facts = AdmissionFacts.None with { ActiveBooking = new ActiveBookingFact("BGR-7K3M9QX2", OtherPhone) };

        var refused = Refused(AdmissionRules.Decide(AdultPlan(), facts));

        Assert.Equal(RefusalReason.PersonHasActiveBooking, refused.Reason);
        Assert.Null(refused.ExistingCode);
        Assert.Equal(FlagReason.SeveralNumbers, refused.Flag!.Reason);
        Assert.Equal(ReasonCode.AlreadyBookedFrom, refused.Flag.Evidence.Code);
        Assert.Equal([OtherPhone.Masked], refused.Flag.Evidence.Values);
    }

    [Fact]
    public void RefusesASecondAdultFromANumberAndFlagsIt()
    {
        var refused = Refused(AdmissionRules.Decide(AdultPlan(), Facts(Number(owner: "ANI|1990-01-01"))));

        Assert.Equal(RefusalReason.NumberBelongsToAnotherAdult, refused.Reason);
        Assert.Equal(FlagReason.AnotherAdult, refused.Flag!.Reason);
        Assert.Equal(SystemReason.Of(ReasonCode.TriedToBook, "BUDI SANTOSO").Stored, refused.Flag.Evidence.Stored);
    }

    [Fact]
    public void RefusesAnAdultWhoOwnsAnotherNumberAndFlagsThisOne()
    {
        var refused = Refused(AdmissionRules.Decide(AdultPlan(), AdmissionFacts.None with { PersonOwnsAnotherNumber = true }));

        Assert.Equal(RefusalReason.PersonUsesAnotherNumber, refused.Reason);
        Assert.Equal(FlagReason.SeveralNumbers, refused.Flag!.Reason);
    }

    [Theory]
    [InlineData(AgeGroup.Balita)]
    [InlineData(AgeGroup.Lansia)]
    public void CountsANewBalitaOrLansiaOnAnotherAdultsNumber(AgeGroup group) =>
        Assert.Equal(NumberClaim.NewDependant, Granted(AdmissionRules.Decide(Plan(group), Facts(Number(owner: Adult, dependants: 2)))));

    [Fact]
    public void CountsADependantOnANumberThatNeverWrote() =>
        Assert.Equal(NumberClaim.NewDependant, Granted(AdmissionRules.Decide(Plan(AgeGroup.Balita), AdmissionFacts.None)));

    [Fact]
    public void RefusesADependantPastTheNumbersLimitWithoutAFlag()
    {
        var refused = Refused(AdmissionRules.Decide(Plan(AgeGroup.Lansia), Facts(Number(owner: Adult, dependants: 3))));

        Assert.Equal(RefusalReason.TooManyDependants, refused.Reason);
        Assert.Null(refused.Flag);
    }

    [Fact]
    public void LetsADependantAlreadyCountedBookAgainAtTheLimit() =>
        Assert.Equal(
            NumberClaim.KnownDependant,
            Granted(AdmissionRules.Decide(Plan(AgeGroup.Balita), Facts(Number(owner: Adult, dependants: 3)) with { KnownDependant = true })));

    [Fact]
    public void NeverMakesABalitaOrLansiaTheOwner() =>
        Assert.Equal(NumberClaim.NewDependant, Granted(AdmissionRules.Decide(Plan(AgeGroup.Lansia), Facts(Number(owner: null)))));

    [Fact]
    public void ALostOwnershipClaimIsAnotherAdultsNumberAndFlagged()
    {
        var refused = AdmissionRules.ClaimLost(AdultPlan(), NumberClaim.NewOwner);

        Assert.Equal(RefusalReason.NumberBelongsToAnotherAdult, refused.Reason);
        Assert.Equal(FlagReason.AnotherAdult, refused.Flag!.Reason);
    }

    [Fact]
    public void ALostDependantClaimIsTheLimit() =>
        Assert.Equal(RefusalReason.TooManyDependants, AdmissionRules.ClaimLost(Plan(AgeGroup.Balita), NumberClaim.NewDependant).Reason);

    [Fact]
    public void OnlyNewClaimsCanBeLost() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmissionRules.ClaimLost(AdultPlan(), NumberClaim.Owner));

    [Fact]
    public void NoPlaceRefusesWithThePlansReasonAndSuggestsDates()
    {
        var refused = AdmissionRules.NoPlace(AdultPlan());

        Assert.Equal(RefusalReason.DayFull, refused.Reason);
        Assert.True(refused.SuggestDates);
        Assert.Null(refused.Flag);
    }

    private static BookingPlan AdultPlan() => Plan(AgeGroup.Adult);

    private static BookingPlan Plan(AgeGroup group)
    {
        var birth = group switch { AgeGroup.Balita => new DateOnly(2024, 1, 1), AgeGroup.Lansia => new DateOnly(1950, 1, 1), _ => new DateOnly(1987, 1, 25) };
        var decision = BookingPlanner.Plan(
            Builders.Office(Builders.Settings()), Phone, new BookingRequest("BUDI SANTOSO", birth, new DateOnly(2026, 12, 2), null), false, new BookingRules(), Builders.Now);
        var plan = Assert.IsType<PlanAccepted>(decision).Plan;
        Assert.Equal(group, plan.AgeGroup);
        return plan;
    }

    private static NumberFacts Number(PhoneStanding standing = PhoneStanding.Clear, string? owner = null, int dependants = 0) => new(standing, owner, dependants);

    private static AdmissionFacts Facts(NumberFacts number) => AdmissionFacts.None with { Number = number };

    private static NumberClaim Granted(AdmissionDecision decision) => Assert.IsType<AdmissionGranted>(decision).Claim;

    private static AdmissionRefused Refused(AdmissionDecision decision) => Assert.IsType<AdmissionRefused>(decision);
}
