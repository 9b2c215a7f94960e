using System.Globalization;
using System.Numerics;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Rows that nothing in a transaction reads back (audit lines), kept per table with the unit that
/// wrote them, dropped if that unit is undone, and written just before the commit in multi-row
/// inserts: a statement per chunk instead of one per row.
/// </summary>
internal sealed class DeferredRows
{
    private const int MaxRowsPerInsert = 64;

    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    /// <summary>Whether no row waits to be written.</summary>
    public bool IsEmpty => _tables.Values.All(t => t.Rows.Count == 0);

    /// <summary>Queues a row for a table (its quoted column names in <paramref name="columns"/>).</summary>
    public void Add(string table, string columns, object?[] values)
    {
        if (!_tables.TryGetValue(table, out var deferred))
        {
            deferred = new Table(table, columns, values.Length);
            _tables[table] = deferred;
        }

        deferred.Rows.Add(values);
    }

    /// <summary>A unit of work starts: what it queues from now on can be undone alone.</summary>
    public void MarkUnit()
    {
        foreach (var table in _tables.Values)
        {
            table.UnitStart = table.Rows.Count;
        }
    }

    /// <summary>Drops what the current unit queued.</summary>
    public void UndoUnit()
    {
        foreach (var table in _tables.Values)
        {
            table.Rows.RemoveRange(table.UnitStart, table.Rows.Count - table.UnitStart);
        }
    }

    /// <summary>Writes every queued row through <paramref name="execute"/>, in order, and forgets them.</summary>
    public void Flush(Action<string, (string, object?)[]> execute)
    {
        foreach (var table in _tables.Values)
        {
            var rows = table.Rows;
            for (var start = 0; start < rows.Count;)
            {
                // Chunks of 64, then powers of two, so that a handful of statement shapes serve every count.
                var count = Math.Min(MaxRowsPerInsert, (int)BitOperations.RoundUpToPowerOf2((uint)(rows.Count - start) + 1) / 2);
                execute(table.Insert(count), table.Arguments(start, count));
                start += count;
            }

            rows.Clear();
            table.UnitStart = 0;
        }
    }

    /// <summary>Forgets every queued row: their transaction was rolled back.</summary>
    public void Clear()
    {
        foreach (var table in _tables.Values)
        {
            table.Rows.Clear();
            table.UnitStart = 0;
        }
    }

    private sealed class Table(string name, string columns, int width)
    {
        private readonly Dictionary<int, string> _statements = [];

        public List<object?[]> Rows { get; } = [];

        public int UnitStart { get; set; }

        /// <summary>The insert of <paramref name="count"/> rows, its parameters named by row and column.</summary>
        public string Insert(int count)
        {
            if (!_statements.TryGetValue(count, out var sql))
            {
                var values = Enumerable.Range(0, count)
                    .Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => Name(r, c))) + ")");
                sql = _statements[count] = $"INSERT INTO {name} ({columns}) VALUES {string.Join(", ", values)}";
            }

            return sql;
        }

        public (string, object?)[] Arguments(int start, int count)
        {
            var args = new (string, object?)[count * width];
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    args[(r * width) + c] = (Name(r, c), Rows[start + r][c]);
                }
            }

            return args;
        }

        private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"@r{row}c{column}");
    }
}
