using PassportQueue.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Bookings;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Counters;
using PassportQueue.Web.Offices;
using PassportQueue.Web.Phones;
using PassportQueue.Web.Reporting;

namespace PassportQueue.Web.Hosting;

/// <summary>Registers the database, the write queue, the stores and the booking engine.</summary>
public static class DataServiceExtensions
{
    public const string ConnectionName = "PassportQueue";

    public static WebApplicationBuilder AddPassportQueueData(this WebApplicationBuilder builder)
    {
        builder.Services.AddPassportQueueData(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>
    /// Registers everything the engine needs on the provider <c>Database:Provider</c> names
    /// (SQLite by default); a relative SQLite path is taken from <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddPassportQueueData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("Booking").Get<BookingRules>() ?? new BookingRules());
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(ConnectionName)
                ?? throw new InvalidOperationException(
                    $"Database:Provider is Postgres: ConnectionStrings:{ConnectionName} (env ConnectionStrings__{ConnectionName}) is required.");
            services.AddSingleton(_ => new Database(DatabaseProvider.Postgres, connectionString)
            {
                BulkWrites = configuration.GetValue("Database:BulkWrites", true),
                Writers = configuration.GetValue("Database:Writers", Database.DefaultPostgresWriters),
            });
            services.AddPooledDbContextFactory<PostgresDbContext>(
                (sp, options) => options.UseNpgsql(sp.GetRequiredService<Database>().PostgresSource!));
            services.AddSingleton<IDbContextFactory<PassportQueueDbContext>, PostgresContextFactory>();
            services.AddSingleton<PostgresChangeRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeRelay>());
        }
        else
        {
            var connectionString = SqliteConnectionString(
                configuration.GetConnectionString(ConnectionName) ?? "Data Source=App_Data/passportqueue.db", contentRoot);
            services.AddPooledDbContextFactory<PassportQueueDbContext>(options => options
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmaInterceptor()));
            services.AddSingleton(_ => new Database(connectionString));
        }

        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<Database>();
            return new WriteBatcher(database.OpenWriterAsync, sp.GetRequiredService<ILogger<WriteBatcher>>(), database.MaxUnitsPerTransaction, database.Writers);
        });

        services.AddSingleton<OfficeDirectory>();
        services.AddSingleton<IOfficeDirectory>(sp => sp.GetRequiredService<OfficeDirectory>());
        services.AddRetention(configuration, ChannelServiceExtensions.KeysPath(configuration, contentRoot));
        services.AddSingleton<DrawSeeds>();
        services.AddSingleton<BallotStore>();
        services.AddSingleton<IBookingStore, SqlBookingStore>();
        services.AddSingleton<IBookingLedger, BookingLedger>();
        services.AddSingleton<IPhoneRegistry, PhoneRegistry>();
        services.AddSingleton<BookingEngine>();
        services.AddSingleton<CounterDesk>();
        services.AddSingleton<DatabaseSetup>();
        services.AddSingleton<Demo.DemoData>();
        services.AddSingleton(configuration.GetSection("Rings").Get<Core.Rings.RingRules>() ?? new Core.Rings.RingRules());
        services.AddSingleton<Rings.RingDetector>();
        services.AddSingleton<Rings.RingQueries>();
        services.AddSingleton<Rings.RingDecisions>();
        services.AddSingleton<PassportQueue.Web.Counters.IntegrityQueries>();
        services.Configure<PassportQueue.Core.Integrity.IntegrityThresholds>(configuration.GetSection(PassportQueue.Core.Integrity.IntegrityThresholds.Section));
        services.AddSingleton<QueueCalls>();
        services.AddSingleton<PassportQueue.Web.Operations.DatabaseBackup>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<TodayQueries>();
        services.AddSingleton<SupervisorQueries>();
        services.AddSingleton<OfficeSettingsEditor>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<BallotQueries>();
        services.AddSingleton<CounterQueries>();
        services.AddSingleton<TicketQueries>();
        return services;
    }

    /// <summary>
    /// Migrates and seeds the database before the app serves anything (demo data in Development),
    /// one node at a time: a node starting beside another waits, then finds the work done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var startup = await app.Services.GetRequiredService<Database>().StartupLockAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<DatabaseSetup>().RunAsync(app.Lifetime.ApplicationStopping);
        // The first node makes the data-protection key every node shares (sign-in cookies, e-KTP photos),
        // so that nodes starting together do not each make their own.
        _ = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
            .CreateProtector("PassportQueue.Startup").Protect([1]);
        if (app.Environment.IsDevelopment())
        {
            await app.Services.GetRequiredService<Demo.DemoData>().SeedAsync(app.Lifetime.ApplicationStopping);
            await DemoAccounts.SeedAsync(app.Services);
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
