namespace PassportQueue.Web.Data;

/// <summary>What changed at an office.</summary>
public enum ChangeKind
{
    /// <summary>A booking was made or moved: live dashboards reload.</summary>
    Bookings,

    /// <summary>The office's settings were edited: cached offices are read again.</summary>
    Settings,

    /// <summary>A draw took an entry, or ran: draw pages reload.</summary>
    Ballot,

    /// <summary>A counter called, recalled or skipped an applicant: boards and counters reload.</summary>
    Calls,
}

/// <summary>A committed change at an office; <see cref="AllOffices"/> when a node may have missed some.</summary>
public readonly record struct Change(ChangeKind Kind, string OfficeCode)
{
    /// <summary>The office code of a change that concerns every office.</summary>
    public const string AllOffices = "*";

    public bool Concerns(string officeCode) => OfficeCode == AllOffices || OfficeCode == officeCode;
}

/// <summary>
/// Tells live dashboards and caches that an office changed, after the change is committed. Changes
/// made here reach this process's subscribers at once; on PostgreSQL <see cref="PostgresChangeRelay"/>
/// carries them to the other nodes and brings theirs here.
/// </summary>
public sealed class ChangeFeed
{
    private event Action<Change>? Changed;

    /// <summary>Changes made by this node, for a relay to pass on.</summary>
    public event Action<Change>? MadeHere;

    /// <summary>Announces a committed change to an office's bookings.</summary>
    public void Publish(string officeCode) => Publish(new Change(ChangeKind.Bookings, officeCode));

    /// <summary>Announces a committed change made by this node.</summary>
    public void Publish(Change change)
    {
        Changed?.Invoke(change);
        MadeHere?.Invoke(change);
    }

    /// <summary>Delivers a change another node made to this node's subscribers.</summary>
    public void Deliver(Change change) => Changed?.Invoke(change);

    /// <summary>Calls <paramref name="handler"/> with every change until disposed.</summary>
    public IDisposable Subscribe(Action<Change> handler)
    {
        Changed += handler;
        return new Subscription(() => Changed -= handler);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
