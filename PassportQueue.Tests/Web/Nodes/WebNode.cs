using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PassportQueue.Tests.Web.Nodes;

/// <summary>
/// The web app as its own operating-system process (the PassportQueue.Web.dll built beside the
/// tests, Production environment) on a free loopback port, on a shared PostgreSQL database and a
/// shared data-protection key folder: one node of a several-node deployment. It can be killed
/// with SIGKILL, as a machine that dies.
/// </summary>
internal sealed class WebNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _log = [];

    private WebNode(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>What the process wrote, for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    /// <summary>Starts a node and returns once it listens.</summary>
    public static async Task<WebNode> StartAsync(string connectionString, string keysFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = StartInfo(connectionString, keysFolder, settings, ["--urls", url]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a node.");
        var node = new WebNode(process, url);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (node._log)
            {
                node._log.Add(line);
            }

            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout)) != listening.Task)
        {
            await node.KillAsync();
            throw new InvalidOperationException($"The node did not start:{Environment.NewLine}{node.Log}");
        }

        return node;
    }

    /// <summary>Runs the app's <c>user add</c> command against the database, as an administrator would.</summary>
    public static async Task AddUserAsync(string connectionString, string keysFolder, string email, string role, string office, string password)
    {
        var start = StartInfo(connectionString, keysFolder, null, ["user", "add", "--email", email, "--role", role, "--office", office]);
        start.Environment[PassportQueue.Web.Accounts.UserCommand.PasswordVariable] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run the command.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"user add failed: {await output}{await errors}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when the machine dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            // Waiting without holding a thread: a blocked wait can starve the pool that reaps the process.
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(
        string connectionString, string keysFolder, IReadOnlyDictionary<string, string>? settings, IEnumerable<string> arguments)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "PassportQueue.Web.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__PassportQueue"] = connectionString;
        start.Environment["DataProtection__KeysPath"] = keysFolder;
        start.Environment["DataProtection__Certificate__Path"] = TestCertificate.Path;
        start.Environment["DataProtection__Certificate__Password"] = TestCertificate.Password;
        start.Environment["Twilio__AuthToken"] = AppFactory.AuthToken;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
