using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Accounts;

namespace PassportQueue.Tests.Web.Accounts;

/// <summary>Access taken away ends open sessions within a minute: sign-in cookies and live dashboards alike.</summary>
public sealed class StaffSessionsTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private readonly AppFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR");
        await _app.AddStaffAsync("admin@kanim.test", Roles.Admin, null);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADisabledOfficersCookieStopsWorkingWithinAMinute()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, "petugas@bgr.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/loket")).StatusCode);

        await DisableAsync("petugas@bgr.test");
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/loket")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));

        var after = await client.GetAsync("/loket");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveDashboardLosesADisabledUserWithinAMinuteOfTheClock()
    {
        var provider = new StaffCircuitAuthentication(
            _app.Get<IServiceScopeFactory>(), _app.Clock, NullLogger<StaffCircuitAuthentication>.Instance);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(await PrincipalAsync("petugas@bgr.test"))));
        var ended = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => ended.TrySetResult(await state);

        await DisableAsync("petugas@bgr.test");
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(ended.Task.IsCompleted);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));

        var state = await ended.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(state.User.Identity?.IsAuthenticated);
        provider.Dispose();
    }

    [Fact]
    public async Task AnAdminsChangeOfRoleAndOfficeIsAuditedAndEndsTheOldSession()
    {
        var before = await PrincipalAsync("petugas@bgr.test");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .ChangeAccessAsync("petugas@bgr.test", Roles.Supervisor, "JKP", Actor.Staff("admin@kanim.test"));
            Assert.Empty(problems!);
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Null(await StaffSessions.StillValidAsync(scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>(), before));
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("petugas@bgr.test");
            Assert.Equal("JKP", user!.OfficeCode);
            Assert.Equal([Roles.Supervisor], await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(user));
        }

        var line = await _app.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.StaffAccessChanged));
        Assert.Equal("staff:admin@kanim.test", line.Actor);
        Assert.Equal(SystemReason.Of(ReasonCode.StaffAccess, "petugas@bgr.test", Roles.Supervisor, "JKP").Stored, line.Reason);
    }

    [Fact]
    public async Task SavingTheAccessAnAccountHasChangesNothingAndEndsNoSession()
    {
        var before = await PrincipalAsync("petugas@bgr.test");

        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ChangeAccessAsync("petugas@bgr.test", Roles.Officer, "bgr", Actor.System))!);

        Assert.NotNull(await StaffSessions.StillValidAsync(scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>(), before));
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task RefusesAnOfficerWithoutAnExistingOfficeAndChangesNothing()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        Assert.Equal([AccountProblem.OfficeRequired], await accounts.ChangeAccessAsync("petugas@bgr.test", Roles.Officer, "XYZ", Actor.System));
        Assert.Null(await accounts.ChangeAccessAsync("nobody@bgr.test", Roles.Officer, "BGR", Actor.System));
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    private async Task DisableAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetActiveAsync(email, active: false, Actor.Staff("admin@kanim.test")));
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
    }

    private static Task SignInAsync(HttpClient client, string email) => SignInForm.SignInAsync(client, email, Password);
}
