using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own so that its migrations (in
/// <c>Data/Migrations/Postgres</c>) are kept apart from SQLite's: EF Core finds a context's
/// migrations by its exact type.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : PassportQueueDbContext(options);

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresDbContext</c> build the model without a
/// server; the connection string is never opened by that command.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=passportqueue").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PassportQueueDbContext</c> build SQLite's model without
/// starting the app (which would otherwise hand the tool whichever context the host resolves).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PassportQueueDbContext>
{
    public PassportQueueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PassportQueueDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Hands out PostgreSQL contexts wherever the product asks for its context.</summary>
internal sealed class PostgresContextFactory(IDbContextFactory<PostgresDbContext> inner) : IDbContextFactory<PassportQueueDbContext>
{
    public PassportQueueDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PassportQueueDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
