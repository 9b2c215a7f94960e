using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassportQueue.Web.Data;
using PassportQueue.Web.Hosting;

namespace PassportQueue.Benchmarks;

/// <summary>
/// The app's data services in this process, on the app's SQLite file and keys in a run's folder,
/// with the offices of appsettings.json and the run's overrides (in environment form, <c>A__B</c>):
/// for work done before the app starts or after it stops, with the code the app runs.
/// </summary>
internal static class AppData
{
    public static ServiceProvider Open(string folder, IReadOnlyDictionary<string, string> overrides, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var web = Path.GetDirectoryName(typeof(OfficeDirectory).Assembly.Location)!;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(web, "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key.Replace("__", ":", StringComparison.Ordinal), (string?)o.Value)))
            .AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:PassportQueue", (string?)"Data Source=app.db")])
            .AddInMemoryCollection(extra ?? new Dictionary<string, string?>())
            .Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPassportQueueData(configuration, folder)
            .AddDataProtection().SetApplicationName("PassportQueue").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys"))).Services
            .BuildServiceProvider();
    }
}
