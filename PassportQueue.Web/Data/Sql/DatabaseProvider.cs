namespace PassportQueue.Web.Data.Sql;

/// <summary>Which database the product runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: one node, no server to run. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several web nodes.</summary>
    Postgres,
}
