using PassportQueue.Core.Phones;
namespace PassportQueue.Core.Blacklist;

/// <summary>The result of a change to a number's standing.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Standing">The standing now, or null when the number has never written.</param>
public sealed record PhoneChange(PhoneChangeStatus Status, PhoneStanding? Standing)
{
    /// <summary>Whether the standing moved.</summary>
    public bool Changed => Status == PhoneChangeStatus.Changed;
}
