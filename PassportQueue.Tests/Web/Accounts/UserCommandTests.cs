using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Accounts;

namespace PassportQueue.Tests.Web.Accounts;

public sealed class UserCommandTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreatesAnOfficerOfAnOfficeWithThePasswordFromTheEnvironment()
    {
        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, "Sandi-yang-panjang-1");
        using var output = new StringWriter();

        var code = await UserCommand.RunAsync(_app.Services, ["user", "add", "--email", "ani@bgr.go.id", "--role", "Officer", "--office", "BGR", "--name", "Ani"], output);

        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, null);
        Assert.Equal(0, code);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync("ani@bgr.go.id");
        Assert.NotNull(user);
        Assert.Equal(("BGR", "Ani"), (user.OfficeCode, user.DisplayName));
        Assert.True(await users.IsInRoleAsync(user, Roles.Officer));
        Assert.True(await users.CheckPasswordAsync(user, "Sandi-yang-panjang-1"));
    }

    [Theory]
    [InlineData("Officer", "XXX")]
    [InlineData("Officer", null)]
    [InlineData("Janitor", "BGR")]
    public async Task RefusesAnUnknownOfficeOrRoleAndCreatesNothing(string role, string? office)
    {
        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, "Sandi-yang-panjang-1");
        using var output = new StringWriter();
        string[] args = office is null ? ["user", "add", "--email", "x@y.id", "--role", role] : ["user", "add", "--email", "x@y.id", "--role", role, "--office", office];

        var code = await UserCommand.RunAsync(_app.Services, args, output);

        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, null);
        Assert.Equal(1, code);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("x@y.id"));
    }

    [Fact]
    public async Task DisablesAnAccountSoThatItCannotSignInAndEnablesItAgain()
    {
        await _app.AddStaffAsync("budi@bgr.go.id", Roles.Officer, "BGR");
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        Assert.True(await accounts.SetActiveAsync("budi@bgr.go.id", active: false, PassportQueue.Core.Audit.Actor.System));
        var disabled = await users.IsLockedOutAsync((await users.FindByEmailAsync("budi@bgr.go.id"))!);
        Assert.True(await accounts.SetActiveAsync("budi@bgr.go.id", active: true, PassportQueue.Core.Audit.Actor.System));
        var enabled = await users.IsLockedOutAsync((await users.FindByEmailAsync("budi@bgr.go.id"))!);

        Assert.Equal((true, false), (disabled, enabled));
        Assert.False(await accounts.SetActiveAsync("nobody@bgr.go.id", active: false, PassportQueue.Core.Audit.Actor.System));
    }

    [Fact]
    public async Task ShowsUsageWhenArgumentsAreMissing()
    {
        using var output = new StringWriter();

        Assert.Equal(2, await UserCommand.RunAsync(_app.Services, ["user", "add"], output));
        Assert.Contains("Usage: user add", output.ToString(), StringComparison.Ordinal);
    }
}
