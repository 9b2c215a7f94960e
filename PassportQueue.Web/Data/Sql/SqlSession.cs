using System.Data.Common;
using System.Globalization;
using System.Numerics;

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
public sealed class SqlSession(DbConnection connection) : IDisposable
{
    private const string UnitSavepoint = "unit";
    private const int MaxRowsPerInsert = 64;

    // Over a network each statement is a round trip. There a unit's savepoint travels with the
    // unit's first statement, and savepoints are left to nest until the commit instead of being
    // released one by one: two round trips fewer per unit. Each unit of a transaction has a
    // savepoint name of its own, so that undoing a unit whose savepoint never reached the server
    // fails loudly instead of undoing the unit before it. SQLite runs in-process and keeps the
    // plain form (one "unit" savepoint, released after each unit).
    private readonly bool _savepointWithFirstStatement = connection is Npgsql.NpgsqlConnection;
    private bool _savepointPending;
    private int _unitNumber;
    private DbTransaction? _transaction;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeferredTable> _deferred = new(StringComparer.Ordinal);

    /// <summary>The transaction commands run in, if any.</summary>
    public DbTransaction? Transaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            _unitNumber = 0;
            _savepointPending = false;
        }
    }

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

        foreach (var table in _deferred.Values)
        {
            table.UnitStart = table.Rows.Count;
        }
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

        foreach (var table in _deferred.Values)
        {
            table.Rows.RemoveRange(table.UnitStart, table.Rows.Count - table.UnitStart);
        }
    }

    /// <summary>
    /// Queues a row for <paramref name="table"/> (quoted column names in <paramref name="columns"/>),
    /// written by <see cref="FlushDeferred"/>. Outside a batch, call <see cref="FlushDeferred"/> before committing.
    /// </summary>
    public void Defer(string table, string columns, params object?[] values)
    {
        if (!_deferred.TryGetValue(table, out var deferred))
        {
            deferred = new DeferredTable(columns, values.Length);
            _deferred[table] = deferred;
        }

        deferred.Rows.Add(values);
    }

    /// <summary>Writes every deferred row, in the order they were queued, with as few statements as it can.</summary>
    public void FlushDeferred()
    {
        foreach (var (table, deferred) in _deferred)
        {
            var rows = deferred.Rows;
            for (var start = 0; start < rows.Count;)
            {
                // Chunks of 64, then powers of two, so that a handful of statement shapes serve every count.
                var count = Math.Min(MaxRowsPerInsert, (int)BitOperations.RoundUpToPowerOf2((uint)(rows.Count - start) + 1) / 2);
                InsertRows(table, deferred, rows, start, count);
                start += count;
            }

            rows.Clear();
            deferred.UnitStart = 0;
        }
    }

    /// <summary>Forgets every deferred row: the transaction they belonged to was rolled back.</summary>
    public void DiscardDeferred()
    {
        foreach (var deferred in _deferred.Values)
        {
            deferred.Rows.Clear();
            deferred.UnitStart = 0;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private void InsertRows(string table, DeferredTable deferred, List<object?[]> rows, int start, int count)
    {
        var sql = deferred.Statements.TryGetValue(count, out var cached) ? cached : deferred.Statements[count] = MultiRowInsert(table, deferred, count);
        var args = new (string, object?)[count * deferred.Width];
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < deferred.Width; c++)
            {
                args[(r * deferred.Width) + c] = (string.Create(CultureInfo.InvariantCulture, $"@r{r}c{c}"), rows[start + r][c]);
            }
        }

        Execute(sql, args);
    }

    private static string MultiRowInsert(string table, DeferredTable deferred, int count)
    {
        var values = Enumerable.Range(0, count)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, deferred.Width).Select(c => string.Create(CultureInfo.InvariantCulture, $"@r{r}c{c}"))) + ")");
        return $"INSERT INTO {table} ({deferred.Columns}) VALUES {string.Join(", ", values)}";
    }

    /// <summary>
    /// Runs a prepared command. A savepoint sent with it counts as made once the server has
    /// answered, with a result or with an error of its own (a reader has its first result by
    /// then); an error before that leaves it unmade.
    /// </summary>
    private T Run<T>(DbCommand command, Func<DbCommand, T> run)
    {
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

        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in args)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = Transaction;
        foreach (var (name, value) in args)
        {
            command.Parameters[name].Value = ToDb(value);
        }

        return command;
    }

    private sealed class DeferredTable(string columns, int width)
    {
        public string Columns { get; } = columns;

        public int Width { get; } = width;

        public List<object?[]> Rows { get; } = [];

        public int UnitStart { get; set; }

        public Dictionary<int, string> Statements { get; } = [];
    }

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        // Every instant in the product is UTC; PostgreSQL's timestamptz insists on being told so.
        DateTime { Kind: DateTimeKind.Unspecified } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
