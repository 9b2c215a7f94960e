using Microsoft.AspNetCore.Identity;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>Development only: one account of each role, listed on the sign-in page. Production has none.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026-passport";

    /// <summary>
    /// The demo supervisor's and admin's authenticator key, published on the Development sign-in
    /// page like the password: their second factor is on, as it must be, and can be tried from any
    /// authenticator app or from the code the Development page shows.
    /// </summary>
    public const string AuthenticatorKey = "PQDEMOPQDEMOPQDEMOPQDEMOPQDEMO23";

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
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (email, name, role, office) in All)
        {
            if (await accounts.ExistsAsync(email))
            {
                continue;
            }

            var errors = await accounts.CreateAsync(email, name, role, office, Password);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", errors)}");
            }

            if (SecondFactor.RequiredFor([role]))
            {
                await EnrolAsync(users, (await users.FindByEmailAsync(email))!, AuthenticatorKey);
            }
        }
    }

    /// <summary>Turns an account's second factor on with a known key, as if its app had been enrolled (demo data and tests).</summary>
    internal static async Task EnrolAsync(UserManager<StaffUser> users, StaffUser user, string key)
    {
        await users.SetAuthenticationTokenAsync(user, IdentityStore, AuthenticatorKeyToken, key);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    // Where Identity's store keeps an authenticator key (UserStoreBase's InternalLoginProvider and AuthenticatorKeyTokenName).
    private const string IdentityStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyToken = "AuthenticatorKey";
}
