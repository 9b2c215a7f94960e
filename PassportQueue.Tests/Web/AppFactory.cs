using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassportQueue.Tests.Web;
using Microsoft.Extensions.Time.Testing;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Channel.Twilio;
using PassportQueue.Tests.Web.Channel.Twilio;

namespace PassportQueue.Tests.Web;

/// <summary>
/// The whole web app as deployed (Production environment, appsettings.json's offices), on a real
/// SQLite file in a fresh folder or a fresh database on a real PostgreSQL server, with a fake
/// clock, background jobs off (tests run their work), and Twilio's REST API redirected to a
/// loopback fake when one is given.
/// </summary>
internal sealed class AppFactory(
    IDictionary<string, string?>? settings = null, string? twilioApi = null, DatabaseProvider provider = DatabaseProvider.Sqlite,
    PassportQueue.Web.Channel.IMessageChannel? channel = null)
    : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token-0123456789";
    public const string Url = "http://localhost" + TwilioEndpoints.IncomingPath;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pq-web-tests", Guid.NewGuid().ToString("N"));
    private string? _postgres;

    public FakeTimeProvider Clock { get; } = new(Builders.Now);

    /// <summary>When set before the app starts, everything it logs (from Debug up) is kept here.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>Starts the app on Kestrel on a free loopback port, for a real browser; returns its address.</summary>
    public string StartOnKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>
    /// Creates a staff account as the <c>user add</c> command does. A supervisor or admin has an
    /// authenticator app enrolled with <see cref="AuthenticatorKey"/>, unless <paramref name="enrolled"/> is false.
    /// </summary>
    public async Task AddStaffAsync(string email, string role, string? office, string password = "Test-password-123", bool? enrolled = null, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<PassportQueue.Web.Accounts.StaffAccounts>()
            .CreateAsync(email, name ?? email, role, office, password);
        Assert.Empty(errors);
        if (enrolled ?? PassportQueue.Web.Accounts.SecondFactor.RequiredFor([role]))
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PassportQueue.Web.Data.Records.StaffUser>>();
            await PassportQueue.Web.Accounts.DemoAccounts.EnrolAsync(users, (await users.FindByEmailAsync(email))!, AuthenticatorKey);
        }
    }

    /// <summary>The authenticator key of the supervisors and admins tests create.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>What an authenticator app with <paramref name="key"/> shows now (Identity checks codes against the real clock, not the app's).</summary>
    public static string CodeNow(string key = AuthenticatorKey) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The database this app runs on (PostgreSQL only), for a second node to join.</summary>
    public string PostgresDatabase
    {
        get
        {
            _ = Services;
            return _postgres ?? throw new InvalidOperationException("This app did not create a PostgreSQL database.");
        }
    }

    /// <summary>Where this app keeps its data-protection keys, for a second node to share.</summary>
    public string KeysPath => Path.Combine(_folder, "keys");

    public async Task<T> QueryAsync<T>(Func<PassportQueueDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<PassportQueueDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Posts a form to a webhook, signed as Twilio signs it (or with the given signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(
        IDictionary<string, string> form, string url = Url, string? signature = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = SignedRequest(url, form, signature);
        adjust?.Invoke(request);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>A webhook request to <paramref name="url"/>, signed as Twilio signs it with <see cref="AuthToken"/> (or with the given signature).</summary>
    public static HttpRequestMessage SignedRequest(string url, IDictionary<string, string> form, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSigner.Sign(AuthToken, url, form));
        return request;
    }

    /// <summary>A WhatsApp message as Twilio posts it, and the reply text from the TwiML.</summary>
    public async Task<string> SendAsync(string from, string body, string to = "+628111100333", string? sid = null, IDictionary<string, string>? extra = null)
    {
        var form = Message(from, body, to, sid);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        using var response = await PostAsync(form);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return TwiML.ReplyOf(await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> Message(string from, string body, string to = "+628111100333", string? sid = null)
    {
        var id = sid ?? "SM" + Guid.NewGuid().ToString("N");
        return Form(id, from, body, to);
    }

    private static Dictionary<string, string> Form(string id, string from, string body, string to) => new()
    {
        ["SmsMessageSid"] = id,
        ["MessageSid"] = id,
        ["AccountSid"] = "AC00000000000000000000000000000000",
        ["From"] = "whatsapp:" + from,
        ["To"] = "whatsapp:" + to,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["ProfileName"] = "Pemohon",
        ["WaId"] = from.TrimStart('+'),
        ["SmsStatus"] = "received",
        ["ApiVersion"] = "2010-04-01",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Production");
        // A published app serves blazor.web.js and MudBlazor's files from wwwroot; from the build output they come from the static web assets manifest.
        builder.UseStaticWebAssets();
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            // A second node is given the first one's database in its settings; only its creator drops it.
            if (settings?.ContainsKey("ConnectionStrings:PassportQueue") != true)
            {
                _postgres = TestPostgres.CreateDatabase();
                builder.UseSetting("ConnectionStrings:PassportQueue", _postgres);
            }
        }
        else
        {
            builder.UseSetting("ConnectionStrings:PassportQueue", $"Data Source={Path.Combine(_folder, "app.db")}");
        }

        builder.UseSetting("DataProtection:KeysPath", KeysPath);
        builder.UseSetting("DataProtection:Certificate:Path", TestCertificate.Path);
        builder.UseSetting("DataProtection:Certificate:Password", TestCertificate.Password);
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (Logs is { } logs)
        {
            // A rule for this provider alone, so the app's own levels (Warning for EF Core, say) do not hide anything from it.
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, Microsoft.Extensions.Logging.LogLevel.Debug));
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (twilioApi is not null)
            {
                services.AddHttpClient(TwilioChannel.ClientName).AddHttpMessageHandler(() => new RedirectToLoopback(new Uri(twilioApi)));
            }

            if (channel is not null)
            {
                // Another provider plugs in through the port; the webhook stays Twilio's (the simulated inbound path).
                services.AddSingleton(channel);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
        }
    }

    /// <summary>Sends what the Twilio SDK addresses to api.twilio.com to the loopback fake instead.</summary>
    private sealed class RedirectToLoopback(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
