using PassportQueue.Core.Audit;
namespace PassportQueue.Web.Accounts;

/// <summary>
/// <c>dotnet run --project PassportQueue.Web -- user add --email E --role R --office O [--name N]</c>:
/// creates a staff account. The password comes from <c>PASSPORTQUEUE_PASSWORD</c> or is asked for.
/// <c>user reset-2fa --email E</c>: for a lost phone when no admin can sign in, turns the account's
/// second factor off (audited); a supervisor or admin enrols a new app at the next sign-in.
/// </summary>
public static class UserCommand
{
    public const string PasswordVariable = "PASSPORTQUEUE_PASSWORD";

    public static bool Matches(string[] args) => args is ["user", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (args is ["user", "reset-2fa", ..] && Option("--email") is { } account)
        {
            await using var resetScope = services.CreateAsyncScope();
            var reset = await resetScope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetSecondFactorAsync(account, Actor.System);
            await output.WriteLineAsync(reset ? $"Two-step verification reset for {account}: a new app is enrolled at the next sign-in." : $"Refused: no account {account}.");
            return reset ? 0 : 1;
        }

        if (args is not ["user", "add", ..] || Option("--email") is not { } email || Option("--role") is not { } role)
        {
            await output.WriteLineAsync("Usage: user add --email E --role Officer|Supervisor|Admin [--office BGR] [--name \"Full Name\"]");
            await output.WriteLineAsync("       user reset-2fa --email E");
            await output.WriteLineAsync($"The password comes from the {PasswordVariable} environment variable, or is asked for.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword(output);
        await using var scope = services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(email, Option("--name") ?? email, role, Option("--office"), password);
        foreach (var error in errors)
        {
            await output.WriteLineAsync($"Refused: {error}");
        }

        if (errors.Count == 0)
        {
            await output.WriteLineAsync($"Created {role} {email}.");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string ReadPassword(TextWriter output)
    {
        output.Write("Password: ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }

        output.WriteLine();
        return new string([.. chars]);
    }
}
