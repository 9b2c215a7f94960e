using System.Data.Common;
using System.Threading.Channels;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Data.Sql;

public partial class WriteBatcher
{
    private abstract class WorkItem
    {
        /// <summary>The bulk kind this unit belongs to, if it may run in bulk.</summary>
        public virtual object? Bulk => null;

        /// <summary>Whether a bulk run answered this unit already.</summary>
        public bool Done { get; protected set; }

        /// <summary>Runs <paramref name="items"/> (this unit's bulk kind, this one first) in one go; marks those answered.</summary>
        public virtual void RunBulk(SqlSession session, List<WorkItem> items) => throw new NotSupportedException();

        /// <summary>Forgets what a bulk run answered: it was undone.</summary>
        public virtual void Reset() => Done = false;

        /// <summary>What the last run threw, if it threw.</summary>
        public abstract Exception? Error { get; }

        /// <summary>Runs the work; false when it threw (its error is kept for <see cref="Publish"/>).</summary>
        public abstract bool Run(SqlSession session);

        /// <summary>Completes the caller's task after the commit.</summary>
        public abstract void Publish();

        /// <summary>Fails the caller's task: nothing of the batch was committed.</summary>
        public abstract void Fail(Exception exception);
    }

    private class WorkItem<T>(Func<SqlSession, T> work) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        /// <summary>The answer of a bulk run, published after the commit like a unit's own.</summary>
        protected void Answer(T result)
        {
            _result = result;
            _error = null;
            Done = true;
        }

        public Task<T> Task => _completion.Task;

        public override Exception? Error => _error;

        public override bool Run(SqlSession session)
        {
            _error = null;
            try
            {
                _result = work(session);
                return true;
            }
#pragma warning disable CA1031 // The unit's own failure goes back to its caller, not to the batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _error = ex;
                return false;
            }
        }

        public override void Publish()
        {
            if (_error is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => _completion.TrySetException(_error ?? exception);
    }

    private sealed class BulkItem<TRequest, TResult>(BulkWork<TRequest, TResult> bulk, TRequest request, Func<SqlSession, TResult> alone)
        : WorkItem<TResult>(alone)
        where TResult : class
    {
        public override object? Bulk => bulk;

        public override void RunBulk(SqlSession session, List<WorkItem> items)
        {
            var members = items.ConvertAll(item => (BulkItem<TRequest, TResult>)item);
            var results = bulk.Run(session, members.ConvertAll(item => item._request));
            for (var i = 0; i < members.Count; i++)
            {
                if (results[i] is { } result)
                {
                    members[i].Answer(result);
                }
            }
        }

        private readonly TRequest _request = request;
    }
}
