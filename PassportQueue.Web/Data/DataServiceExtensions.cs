using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data.Stores;

namespace PassportQueue.Web.Data;

/// <summary>Registers the database, the write queue, the stores and the booking engine.</summary>
public static class DataServiceExtensions
{
    public const string ConnectionName = "PassportQueue";

    public static WebApplicationBuilder AddPassportQueueData(this WebApplicationBuilder builder)
    {
        builder.Services.AddPassportQueueData(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>Registers everything the engine needs; a relative SQLite path is taken from <paramref name="contentRoot"/>.</summary>
    public static IServiceCollection AddPassportQueueData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = SqliteConnectionString(
            configuration.GetConnectionString(ConnectionName) ?? "Data Source=App_Data/passportqueue.db", contentRoot);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("Booking").Get<BookingRules>() ?? new BookingRules());
        services.AddPooledDbContextFactory<PassportQueueDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor()));
        services.AddSingleton(new Database(connectionString));
        services.AddSingleton(sp => new WriteBatcher(
            sp.GetRequiredService<Database>().OpenWriterAsync, sp.GetRequiredService<ILogger<WriteBatcher>>()));
        services.AddSingleton<OfficeDirectory>();
        services.AddSingleton<IOfficeDirectory>(sp => sp.GetRequiredService<OfficeDirectory>());
        services.AddSingleton<IBookingStore, SqlBookingStore>();
        services.AddSingleton<IBookingLedger, SqlBookingLedger>();
        services.AddSingleton<IPhoneRegistry, SqlPhoneRegistry>();
        services.AddSingleton<BookingEngine>();
        services.AddSingleton<CounterDesk>();
        services.AddSingleton<DatabaseSetup>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<Queries.TodayQueries>();
        services.AddSingleton<Queries.SupervisorQueries>();
        services.AddSingleton<OfficeSettingsEditor>();
        services.AddSingleton<Queries.ReportQueries>();
        services.AddSingleton<Queries.CounterQueries>();
        return services;
    }

    /// <summary>Migrates and seeds the database before the app serves anything; demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseSetup>().RunAsync(app.Lifetime.ApplicationStopping);
        if (app.Environment.IsDevelopment())
        {
            await app.Services.GetRequiredService<DemoData>().SeedAsync(app.Lifetime.ApplicationStopping);
            await Auth.DemoAccounts.SeedAsync(app.Services);
        }
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    internal static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
