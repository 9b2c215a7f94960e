using System.Data.Common;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Runs parameterised SQL on one open connection, reusing prepared commands by their text.
/// Parameters are named <c>@name</c> in the SQL and given as (name, value) pairs.
/// </summary>
public sealed class SqlSession(DbConnection connection) : IDisposable
{
    /// <summary>The savepoint the write batcher opens around each unit of work.</summary>
    public const string UnitSavepoint = "unit";

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The transaction commands run in, if any.</summary>
    public DbTransaction? Transaction { get; set; }

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => Prepare(sql, args).ExecuteNonQuery();

    /// <summary>Runs a query and returns the first column of the first row, or default.</summary>
    public T? Scalar<T>(string sql, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var value = Prepare(sql, args).ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps its first row, or returns default when there is none.</summary>
    public T? Row<T>(string sql, Func<DbDataReader, T> map, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        using var reader = Prepare(sql, args).ExecuteReader();
        return reader.Read() ? map(reader) : default;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public List<T> List<T>(string sql, Func<DbDataReader, T> map, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        using var reader = Prepare(sql, args).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>
    /// Undoes everything the current unit of work has written so far; the unit may go on and
    /// write something else (a refusal and its flags instead of a booking).
    /// </summary>
    public void UndoUnit() => Execute("ROLLBACK TO SAVEPOINT " + UnitSavepoint);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private DbCommand Prepare(string sql, ReadOnlySpan<(string Name, object? Value)> args)
    {
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
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = ToDb(args[i].Value);
        }

        return command;
    }

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
