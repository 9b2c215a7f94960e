namespace PassportQueue.Core.Bookings;

/// <summary>What the planner decided about a request before touching stored data.</summary>
public abstract record PlanDecision;

/// <summary>Go ahead: the store applies the rest of the rules.</summary>
public sealed record PlanAccepted(BookingPlan Plan) : PlanDecision;

/// <summary>
/// The day's entry period is open (an office with a ballot): the store applies the same rules and
/// enters the applicant in the draw of the plan's one day.
/// </summary>
/// <param name="Plan">The request, with the day of the draw as its only day.</param>
/// <param name="Period">The day's entry period: when it opened, and when it closes and the draw runs.</param>
public sealed record PlanEntry(BookingPlan Plan, Ballot.EntryRoute Period) : PlanDecision;

/// <summary>The requested day is not released yet (an office with a ballot): entries open at <paramref name="OpensUtc"/>.</summary>
public sealed record PlanNotReleased(DateOnly Date, DateTime OpensUtc) : PlanDecision;

/// <summary>Refused already; <paramref name="Alternatives"/> are bookable days to check for places and suggest.</summary>
/// <param name="Reason">Which rule.</param>
/// <param name="Alternatives">Bookable days to suggest if they have places.</param>
/// <param name="PriorityApplicant">Whether the applicant may take priority places on those dates.</param>
public sealed record PlanRefused(RefusalReason Reason, IReadOnlyList<DayPlan> Alternatives, bool PriorityApplicant) : PlanDecision;
