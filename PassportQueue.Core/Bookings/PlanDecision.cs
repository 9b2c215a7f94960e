namespace PassportQueue.Core.Bookings;

/// <summary>What the planner decided about a request before touching stored data.</summary>
public abstract record PlanDecision;

/// <summary>Go ahead: the store applies the rest of the rules.</summary>
public sealed record PlanAccepted(BookingPlan Plan) : PlanDecision;

/// <summary>Refused already; <paramref name="Alternatives"/> are bookable days to check for places and suggest.</summary>
/// <param name="Reason">Which rule.</param>
/// <param name="Alternatives">Bookable days to suggest if they have places.</param>
/// <param name="PriorityApplicant">Whether the applicant may take priority places on those dates.</param>
public sealed record PlanRefused(RefusalReason Reason, IReadOnlyList<DayPlan> Alternatives, bool PriorityApplicant) : PlanDecision;
