namespace PassportQueue.Web.Auth;

/// <summary>Development only: one account of each role, listed on the sign-in page. Production has none.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026-passport";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Office)> All =
    [
        ("petugas.bgr@demo.local", "Petugas Loket Bogor", Roles.Officer, "BGR"),
        ("supervisor.bgr@demo.local", "Supervisor Bogor", Roles.Supervisor, "BGR"),
        ("petugas.btm@demo.local", "Petugas Loket Batam", Roles.Officer, "BTM"),
        ("admin@demo.local", "Admin Pusat", Roles.Admin, null),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var (email, name, role, office) in All)
        {
            if (!await accounts.ExistsAsync(email))
            {
                var errors = await accounts.CreateAsync(email, name, role, office, Password);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", errors)}");
                }
            }
        }
    }
}
