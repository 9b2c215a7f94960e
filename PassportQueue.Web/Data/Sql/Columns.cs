using System.Data.Common;

namespace PassportQueue.Web.Data.Sql;

/// <summary>Reads a row's columns by their names (as the query's <c>AS</c> gives them), never by position.</summary>
public static class Columns
{
    /// <summary>A column's value; default for NULL.</summary>
    public static T Get<T>(this DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? default! : reader.GetFieldValue<T>(ordinal);
    }

    /// <summary>A column that holds an enum as its number.</summary>
    public static TEnum GetEnum<TEnum>(this DbDataReader reader, string column)
        where TEnum : struct, Enum =>
        (TEnum)Enum.ToObject(typeof(TEnum), reader.GetInt32(reader.GetOrdinal(column)));

    /// <summary>An instant stored in UTC.</summary>
    public static DateTime GetUtc(this DbDataReader reader, string column) =>
        DateTime.SpecifyKind(reader.GetDateTime(reader.GetOrdinal(column)), DateTimeKind.Utc);
}
