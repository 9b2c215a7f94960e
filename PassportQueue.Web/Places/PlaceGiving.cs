using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Places;

/// <summary>Where the place of an admitted person comes from.</summary>
internal abstract record PlaceSource
{
    /// <summary>First come: the first of the plan's days with a place, never a day held for its draw (<see cref="DayPlaces.Take"/>'s <c>held</c>).</summary>
    public static PlaceSource FirstCome { get; } = new FirstComeSource();

    /// <summary>A winner of <paramref name="Day"/>'s draw: from the day's shares while it is held for the draw.</summary>
    public sealed record DrawnDay(DayPlan Day) : PlaceSource;

    /// <summary>A place given back to its day (a voided booking's): its number is counted already and taken again as it is.</summary>
    public sealed record GivenBack(TakenPlace Place) : PlaceSource;

    private sealed record FirstComeSource : PlaceSource;
}

/// <summary>What <see cref="PlaceGiving.Give"/> did.</summary>
internal abstract record PlaceGiven;

/// <summary>The person has the place: the booking's id, what they are told, and the claim made on the number.</summary>
internal sealed record Placed(long BookingId, BookingView View, NumberClaim Claim) : PlaceGiven;

/// <summary>No place: Core refused the person, or the claim or the place was lost to another request; nothing of the attempt stays.</summary>
/// <param name="Refusal">The refusal, as <see cref="AdmissionRules"/> words it.</param>
/// <param name="NoPlace">Every rule passed but the source had no place left.</param>
internal sealed record NotPlaced(AdmissionRefused Refusal, bool NoPlace = false) : PlaceGiven;

/// <summary>One request for a place: who (the plan), from where, on whose behalf, and why the audit says they got it.</summary>
/// <param name="Message">The message the booking answers (its id is the booking's message id).</param>
/// <param name="Plan">The person, the office and, for first come, the days to try.</param>
/// <param name="Identities">The person's key as written and as pseudonymised.</param>
/// <param name="Source">Where the place comes from.</param>
/// <param name="Actor">Who gave the place: the applicant by number, or the draw.</param>
/// <param name="Because">The audit reason of the booking.</param>
internal sealed record PlaceRequest(IncomingRecord Message, BookingPlan Plan, Identities Identities, PlaceSource Source, Actor Actor, SystemReason Because);

/// <summary>
/// The one way a person is given a place, whatever brought them (a message first come, a draw, an
/// accepted offer): the facts about the number and the person are read, <see cref="AdmissionRules"/>
/// decides, and only what it decided is claimed, atomically and guarded by the database (the
/// number's owner or dependant by a conditional write, the place by the day's counter under its
/// check constraints and the unique place index, the person by the one-active-booking index).
/// The booking, its audit lines and the end of the person's run of lost draws are written in the
/// caller's transaction. The caller answers the message, raises flags and sends notices.
/// </summary>
internal static class PlaceGiving
{
    private const string Attempt = "place_attempt";

    /// <summary>
    /// Gives the place, or says why not. <paramref name="ownsUnit"/>: the request is the whole unit
    /// of work (a first-come message), so a lost claim undoes the unit; otherwise (a draw, an
    /// offer) only this attempt is undone, leaving the caller's other writes.
    /// </summary>
    public static PlaceGiven Give(SqlSession s, PlaceRequest request, bool ownsUnit)
    {
        var plan = request.Plan;
        var facts = AdmissionFactsRows.Read(s, plan, request.Identities);
        var decision = AdmissionRules.Decide(plan, facts);
        if (decision is AdmissionRefused refused)
        {
            return new NotPlaced(refused);
        }

        var claim = ((AdmissionGranted)decision).Claim;

        // Only a claim on the number writes before the place is known; an attempt inside a larger unit keeps it apart.
        var nested = !ownsUnit && claim is NumberClaim.NewOwner or NumberClaim.NewDependant;
        if (nested)
        {
            s.Execute("SAVEPOINT " + Attempt);
        }

        if (!BookingClaims.ClaimNumber(s, plan, claim, facts.Number is not null))
        {
            Undo(s, ownsUnit, nested);
            return new NotPlaced(AdmissionRules.ClaimLost(plan, claim));
        }

        if (Take(s, plan, request.Source) is not { } place)
        {
            Undo(s, ownsUnit, nested);
            return new NotPlaced(AdmissionRules.NoPlace(plan), NoPlace: true);
        }

        if (nested)
        {
            s.Execute("RELEASE SAVEPOINT " + Attempt);
        }

        var (id, view) = BookingClaims.InsertBooking(s, request.Message, plan, place, IsOwner(claim));
        foreach (var line in BookedLines(plan, claim, request.Actor, request.Because))
        {
            LedgerWrites.Audit(s, line.At, line.Actor, line.Action, line.OfficeId, id, line.Phone, line.Reason);
        }

        // A booking ends a run of lost draws: a person who books (and then does not come) loses the weight. A draw writes
        // every entrant's standing itself, set-based, after its winners are booked (BallotResults.Write).
        if (request.Source is not PlaceSource.DrawnDay)
        {
            s.Execute("""UPDATE "BallotStandings" SET "LostInARow" = 0 WHERE "PersonKey" = @k AND "LostInARow" > 0""", ("@k", request.Identities.Pseudonym));
        }
        return new Placed(id, view, claim);
    }

    /// <summary>Whether the booking's person is the number's owner (not a dependant on it).</summary>
    public static bool IsOwner(NumberClaim claim) => claim is NumberClaim.Owner or NumberClaim.NewOwner;

    /// <summary>The audit lines of a booking just made, before its id is known: the number's new owner, if any, and the booking.</summary>
    public static IEnumerable<AuditLine> BookedLines(BookingPlan plan, NumberClaim claim, Actor actor, SystemReason because)
    {
        var phone = plan.Phone.E164;
        if (claim == NumberClaim.NewOwner)
        {
            yield return new AuditLine(plan.NowUtc, actor, AuditAction.OwnerRegistered, plan.OfficeId, phone, SystemReason.Of(ReasonCode.FirstAdultOnNumber).Stored);
        }

        yield return new AuditLine(plan.NowUtc, actor, AuditAction.Booked, plan.OfficeId, phone, because.Stored);
    }

    private static TakenPlace? Take(SqlSession s, BookingPlan plan, PlaceSource source) => source switch
    {
        PlaceSource.DrawnDay drawn => BookingClaims.TakeDrawnPlace(s, plan.OfficeId, drawn.Day, plan.IsPriorityApplicant),
        PlaceSource.GivenBack freed => freed.Place,
        _ => BookingClaims.TakePlace(s, plan),
    };

    private static void Undo(SqlSession s, bool ownsUnit, bool nested)
    {
        if (ownsUnit)
        {
            s.UndoUnit();
        }
        else if (nested)
        {
            s.Execute("ROLLBACK TO SAVEPOINT " + Attempt);
            s.Execute("RELEASE SAVEPOINT " + Attempt);
        }
    }
}

/// <summary>An audit line of a booking, before the booking's id is known.</summary>
internal readonly record struct AuditLine(DateTime At, Actor Actor, AuditAction Action, int? OfficeId, string? Phone, string Reason);
