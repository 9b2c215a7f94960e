using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Data;

/// <summary>
/// Holds a write batcher's (first) loop inside a batch of its own, so that the units queued
/// meanwhile are taken together in the next batch once it is let go.
/// </summary>
internal sealed class HeldLoop : IDisposable
{
    private readonly ManualResetEventSlim _gate = new();
    private Task<bool> _held = Task.FromResult(true);

    private HeldLoop()
    {
    }

    public static async Task<HeldLoop> HoldAsync(WriteBatcher batcher)
    {
        var loop = new HeldLoop();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop._held = batcher.RunAsync(s =>
        {
            holding.SetResult();
            return loop._gate.Wait(TimeSpan.FromSeconds(30));
        });
        await holding.Task;
        return loop;
    }

    /// <summary>Lets the loop go; fails if it had been held so long that it let itself go.</summary>
    public async Task ReleaseAsync()
    {
        _gate.Set();
        Assert.True(await _held);
    }

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
    }
}
