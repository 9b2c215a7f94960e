using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;

namespace PassportQueue.Core.Bookings.Admission;

/// <summary>What <see cref="AdmissionRules"/> decided about a plan, given the stored facts.</summary>
public abstract record AdmissionDecision;

/// <summary>Go ahead: make this claim on the number, then take a place.</summary>
public sealed record AdmissionGranted(NumberClaim Claim) : AdmissionDecision;

/// <summary>Refused, with the flag to raise on the registering number, if any.</summary>
/// <param name="Reason">Which rule.</param>
/// <param name="Flag">A flag for supervisors, with its evidence; null when the refusal is no sign of abuse.</param>
/// <param name="ExistingCode">The applicant's own active code, when they already hold one from this very number.</param>
/// <param name="SuggestDates">Whether the reply should offer other dates that still have places.</param>
public sealed record AdmissionRefused(RefusalReason Reason, RaisedFlag? Flag = null, string? ExistingCode = null, bool SuggestDates = false)
    : AdmissionDecision;

/// <summary>A flag to raise: why, and the evidence in a form every reader's language can render.</summary>
public sealed record RaisedFlag(FlagReason Reason, SystemReason Evidence);

/// <summary>The claim a booking makes on its registering number; the store makes it atomically.</summary>
public enum NumberClaim
{
    /// <summary>The applicant already owns the number: nothing to claim.</summary>
    Owner = 0,

    /// <summary>The first adult from this number becomes its owner, if no one else became owner meanwhile.</summary>
    NewOwner = 1,

    /// <summary>A balita or lansia already counted on this number: nothing to claim.</summary>
    KnownDependant = 2,

    /// <summary>A new balita or lansia: counted as the number's dependant, if the limit still allows.</summary>
    NewDependant = 3,
}
