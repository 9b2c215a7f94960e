using System.Globalization;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Components.Common;

/// <summary>
/// Keeps a live page up to date: each committed change it cares about reloads it, a burst of
/// changes costing one reload at a time, not one each, in the page's own languages (a change is
/// announced by whoever committed it: another user's request, a job, another node).
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly Func<Task> _reload;
    private int _pending;

    /// <param name="feed">The changes.</param>
    /// <param name="concerns">Which changes the page shows.</param>
    /// <param name="invoke">The component's InvokeAsync.</param>
    /// <param name="reload">Reloads the page's data and renders it.</param>
    public LiveUpdates(ChangeFeed feed, Func<Change, bool> concerns, Func<Func<Task>, Task> invoke, Func<Task> reload)
    {
        _reload = reload;
        _subscription = feed.Subscribe(change =>
        {
            if (concerns(change) && Interlocked.Increment(ref _pending) == 1)
            {
                _ = invoke(ShowChangesAsync);
            }
        });
    }

    public void Dispose() => _subscription.Dispose();

    private async Task ShowChangesAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        do
        {
            Interlocked.Exchange(ref _pending, 1);
            await _reload();
        }
        while (Interlocked.CompareExchange(ref _pending, 0, 1) != 1);
    }
}
