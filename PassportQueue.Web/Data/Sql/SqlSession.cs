using System.Data.Common;
using System.Globalization;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Runs parameterised SQL on one open connection, reusing prepared commands by their text.
/// Parameters are named <c>@name</c> in the SQL and given as (name, value) pairs.
/// </summary>
/// <remarks>
/// Rows that nothing in the transaction reads back (audit lines) can be deferred: they are kept
/// with the unit that wrote them, dropped if it is undone, and written in multi-row inserts just
/// before the commit, which saves a statement per row on the write path.
/// </remarks>
public sealed partial class SqlSession(DbConnection connection) : IDisposable
{
    private const string UnitSavepoint = "unit";

    // Over a network each statement is a round trip. There a unit's savepoint travels with the
    // unit's first statement, and savepoints are left to nest until the commit instead of being
    // released one by one: two round trips fewer per unit. Each unit of a transaction has a
    // savepoint name of its own, so that undoing a unit whose savepoint never reached the server
    // fails loudly instead of undoing the unit before it. SQLite runs in-process and keeps the
    // plain form (one "unit" savepoint, released after each unit).
    private readonly bool _savepointWithFirstStatement = connection is Npgsql.NpgsqlConnection;

    // The connection as PostgreSQL's, for statement batches; null on SQLite.
    private readonly Npgsql.NpgsqlConnection? _postgres = connection as Npgsql.NpgsqlConnection;
    private bool _savepointPending;
    private int _unitNumber;
    private DbTransaction? _transaction;

    private readonly Dictionary<string, Prepared> _commands = new(StringComparer.Ordinal);
    private readonly DeferredRows _deferred = new();

    /// <summary>The transaction commands run in, if any.</summary>
    public DbTransaction? Transaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            _unitNumber = 0;
            _savepointPending = false;
            MayCommitWithBatch = false;
            Committed = false;
        }
    }

    /// <summary>
    /// Set by the write batcher when nothing else of its transaction follows the current work: a
    /// <see cref="Batch{T}"/> may then commit in the same round trip.
    /// </summary>
    public bool MayCommitWithBatch { get; set; }

    /// <summary>Whether a <see cref="Batch{T}"/> committed the transaction.</summary>
    public bool Committed { get; private set; }

    private string Savepoint => _savepointWithFirstStatement
        ? "u" + _unitNumber.ToString(CultureInfo.InvariantCulture)
        : UnitSavepoint;

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => Run(Prepare(sql, args), c => c.ExecuteNonQuery());

    /// <summary>Runs a query and returns the first column of the first row, or default.</summary>
    public T? Scalar<T>(string sql, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var value = Run(Prepare(sql, args), c => c.ExecuteScalar());
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps its first row, or returns default when there is none.</summary>
    public T? Row<T>(string sql, Func<DbDataReader, T> map, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        using var reader = Run(Prepare(sql, args), c => c.ExecuteReader());
        return reader.Read() ? map(reader) : default;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public List<T> List<T>(string sql, Func<DbDataReader, T> map, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        using var reader = Run(Prepare(sql, args), c => c.ExecuteReader());
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Starts a unit of work: a savepoint, and a mark in the deferred rows.</summary>
    public void BeginUnit()
    {
        if (_savepointWithFirstStatement)
        {
            _unitNumber++;
            _savepointPending = true;
        }
        else
        {
            Execute("SAVEPOINT " + UnitSavepoint);
        }

        _deferred.MarkUnit();
    }

    /// <summary>Keeps what the unit wrote.</summary>
    public void EndUnit()
    {
        if (_savepointWithFirstStatement)
        {
            _savepointPending = false;
        }
        else
        {
            Execute("RELEASE SAVEPOINT " + UnitSavepoint);
        }
    }

    /// <summary>
    /// Undoes everything the current unit of work has written so far, deferred rows included;
    /// the unit may go on and write something else (a refusal and its flags instead of a booking).
    /// </summary>
    public void UndoUnit()
    {
        // A unit that has sent no statement yet has nothing on the server to undo.
        if (!_savepointPending)
        {
            Execute("ROLLBACK TO SAVEPOINT " + Savepoint);
        }

        _deferred.UndoUnit();
    }

    /// <summary>
    /// Queues a row for <paramref name="table"/> (quoted column names in <paramref name="columns"/>),
    /// written by <see cref="FlushDeferred"/>. Outside a batch, call <see cref="FlushDeferred"/> before committing.
    /// </summary>
    public void Defer(string table, string columns, params object?[] values) => _deferred.Add(table, columns, values);

    /// <summary>Writes every deferred row, in the order they were queued, with as few statements as it can.</summary>
    public void FlushDeferred() => _deferred.Flush((sql, args) => Execute(sql, args));

    /// <summary>Forgets every deferred row: the transaction they belonged to was rolled back.</summary>
    public void DiscardDeferred() => _deferred.Clear();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var prepared in _commands.Values)
        {
            prepared.Command.Dispose();
        }

        _commands.Clear();
    }

    /// <summary>
    /// Runs a prepared command. A savepoint sent with it counts as made once the server has
    /// answered, with a result or with an error of its own (a reader has its first result by
    /// then); an error before that leaves it unmade.
    /// </summary>
    private T Run<T>(DbCommand command, Func<DbCommand, T> run)
    {
        Telemetry.PassportQueueMetrics.RoundTrip();
        try
        {
            var result = run(command);
            _savepointPending = false;
            return result;
        }
        catch (Npgsql.PostgresException)
        {
            // The server ran the batch up to the failing statement, the savepoint first.
            _savepointPending = false;
            throw;
        }
    }

    private DbCommand Prepare(string sql, ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (_savepointPending)
        {
            // The reader and the row counts skip the savepoint: it returns no rows and changes none.
            sql = "SAVEPOINT " + Savepoint + ";\n" + sql;
        }

        if (!_commands.TryGetValue(sql, out var prepared))
        {
            var created = connection.CreateCommand();
            created.CommandText = sql;
            var parameters = new Dictionary<string, DbParameter>(args.Length, StringComparer.Ordinal);
            foreach (var (name, _) in args)
            {
                var parameter = created.CreateParameter();
                parameter.ParameterName = name;
                created.Parameters.Add(parameter);
                parameters.Add(name, parameter);
            }

            prepared = _commands[sql] = new Prepared(created, parameters);
        }

        var command = prepared.Command;
        command.Transaction = Transaction;
        // Bound by name: the same statement text may be given its arguments in any order.
        foreach (var (name, value) in args)
        {
            prepared.Parameters[name].Value = ToDb(value);
        }

        return command;
    }

    /// <summary>One statement of a <see cref="Batch{T}"/>, with its arguments by name.</summary>
    public sealed record Statement(string Sql, params (string Name, object? Value)[] Args)
    {
        /// <summary>
        /// A data-changing statement (without <c>RETURNING</c>) that fails, by a division by zero on
        /// the server, unless it changes exactly <paramref name="rows"/> rows: a shortfall stops the
        /// batch there, before any commit that goes with it.
        /// </summary>
        public static Statement Exactly(int rows, string sql, params (string Name, object? Value)[] args) =>
            new(
                $"""
                WITH changed AS ({sql.TrimEnd()} RETURNING 1)
                SELECT 1 / (CASE WHEN count(*) = @expected THEN 1 ELSE 0 END) AS "Checked" FROM changed
                """,
                [.. args, ("@expected", rows)]);
    }

    /// <summary>A prepared command with its parameters by name.</summary>
    private sealed record Prepared(DbCommand Command, Dictionary<string, DbParameter> Parameters);

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        // Every instant in the product is UTC; PostgreSQL's timestamptz insists on being told so.
        DateTime { Kind: DateTimeKind.Unspecified } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
