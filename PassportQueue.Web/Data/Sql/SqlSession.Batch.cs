using System.Data.Common;
using System.Globalization;

namespace PassportQueue.Web.Data.Sql;

public partial class SqlSession
{
    /// <summary>
    /// Runs <paramref name="statements"/> in one round trip (PostgreSQL only: an Npgsql batch, the
    /// unit's pending savepoint first). <paramref name="read"/> reads the result sets of the statements
    /// that return rows, in order, moving on with <see cref="DbDataReader.NextResult"/>, and returns
    /// what it read.
    /// </summary>
    /// <param name="commit">
    /// Whether the batch may end the transaction: when the write batcher allows it
    /// (<see cref="MayCommitWithBatch"/>) and no deferred row waits, <c>COMMIT</c> goes last, in the
    /// same round trip, and <see cref="Committed"/> says so. A statement that fails stops the batch
    /// before the commit.
    /// </param>
    public T Batch<T>(IReadOnlyList<Statement> statements, Func<DbDataReader, T> read, bool commit = false)
    {
        if (_postgres is not { } postgres)
        {
            throw new NotSupportedException("Batches of statements are for PostgreSQL, where each statement is a round trip.");
        }

        using var batch = new Npgsql.NpgsqlBatch(postgres, (Npgsql.NpgsqlTransaction?)Transaction);
        if (_savepointPending)
        {
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("SAVEPOINT " + Savepoint));
        }

        foreach (var statement in statements)
        {
            var command = new Npgsql.NpgsqlBatchCommand(statement.Sql);
            foreach (var (name, value) in statement.Args)
            {
                command.Parameters.Add(new Npgsql.NpgsqlParameter(name, ToDb(value)));
            }

            batch.BatchCommands.Add(command);
        }

        var commitHere = commit && MayCommitWithBatch && _deferred.IsEmpty;
        if (commitHere)
        {
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("COMMIT"));
        }

        T result;
        Telemetry.PassportQueueMetrics.RoundTrip();
        try
        {
            using var reader = batch.ExecuteReader();
            _savepointPending = false;
            result = read(reader);
            while (reader.NextResult())
            {
                // Whatever the reader left: a statement's error surfaces only when its result is reached.
            }
        }
        catch (Npgsql.PostgresException)
        {
            _savepointPending = false;
            throw;
        }

        Committed = commitHere;
        return result;
    }

    /// <summary>Runs statements that return nothing to read in one round trip, as <see cref="Batch{T}"/> does.</summary>
    public void Batch(IReadOnlyList<Statement> statements, bool commit = false) => Batch(statements, _ => 0, commit);
}
