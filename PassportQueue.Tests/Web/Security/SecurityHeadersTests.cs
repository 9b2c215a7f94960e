using System.Text.RegularExpressions;

namespace PassportQueue.Tests.Web.Security;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task SendsTheSecurityHeadersOnEveryResponse(string path)
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task AllowsThePagesOwnImportMapByItsNonceAndNoOtherInlineScript()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = Nonce().Match(string.Join(" ", response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
