using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Accounts;

namespace PassportQueue.Tests.Web.Accounts;

public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = "Test-password-123";
    private readonly AppFactory _app = new(new Dictionary<string, string?> { ["Auth:SignInAttemptsPerMinute"] = "4" });

    public async Task InitializeAsync() => await _app.AddStaffAsync("petugas@bgr.test", Roles.Officer, "BGR");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AuditsEverySignInWithItsOutcomeAndNeverThePassword()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var wrong = await SignInForm.PostAsync(client, "petugas@bgr.test", "Wrong-password-999");
        using var right = await SignInForm.PostAsync(client, "petugas@bgr.test", Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var lines = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.SignedIn || a.Action == AuditAction.SignInRefused)
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.SignInRefused, AuditAction.SignedIn], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("staff:petugas@bgr.test", l.Actor));
        Assert.True(SystemReason.TryRead(lines[0].Reason, out var refused));
        Assert.Equal("Password", refused.Values[1]);
        Assert.Equal(Builders.Now.UtcDateTime, lines[1].AtUtc);
        var everything = string.Join("\n", await _app.QueryAsync(db => db.AuditEntries.Select(a => a.Actor + " " + a.Reason).ToListAsync()));
        Assert.DoesNotContain("Wrong-password-999", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsPasswordSprayingFromOneAddressAcrossAccounts()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await SignInForm.PostAsync(client, $"someone{i}@bgr.test", "Spray-password-1");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await SignInForm.PostAsync(client, "petugas@bgr.test", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignedIn)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task GuessingAuthenticatorCodesCountsAgainstTheSameLimit()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await SignInForm.PostCodeAsync(client, $"00000{i}");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await SignInForm.PostAsync(client, "petugas@bgr.test", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
