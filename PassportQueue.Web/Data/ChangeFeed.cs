namespace PassportQueue.Web.Data;

/// <summary>
/// Tells live dashboards that an office's bookings changed, after the change is committed. In
/// this process only; a deployment of several nodes needs a feed that crosses them.
/// </summary>
public sealed class ChangeFeed
{
    private event Action<string>? Changed;

    /// <summary>Announces a committed change at an office.</summary>
    public void Publish(string officeCode) => Changed?.Invoke(officeCode);

    /// <summary>Calls <paramref name="handler"/> with the office code of every change until disposed.</summary>
    public IDisposable Subscribe(Action<string> handler)
    {
        Changed += handler;
        return new Subscription(() => Changed -= handler);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
