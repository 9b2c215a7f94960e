using System.Net;
using System.Text.RegularExpressions;

namespace PassportQueue.Tests.Web.Accounts;

/// <summary>Signs in through the real sign-in forms over HTTP, with their antiforgery tokens, as a browser would post them.</summary>
internal static partial class SignInForm
{
    /// <summary>The password step.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The second step: an authenticator code, or a recovery code.</summary>
    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code, bool recoveryCode = false) =>
        PostFormAsync(client, "/account/two-factor", "two-factor", new() { ["Input.Code"] = code, ["Input.RecoveryCode"] = recoveryCode ? "true" : "false" });

    /// <summary>The enrolment's confirmation with a code from the app.</summary>
    public static Task<HttpResponseMessage> PostEnrolmentAsync(HttpClient client, string code) =>
        PostFormAsync(client, "/account/enrol", "enrol", new() { ["Input.Code"] = code });

    /// <summary>
    /// Signs in all the way, with the authenticator code where the account asks for one; the client
    /// must not follow redirects. Asserts that each step answered as a successful one does.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string email, string password, string key = AppFactory.AuthenticatorKey)
    {
        using var response = await PostAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.ToString().Contains("/account/two-factor", StringComparison.Ordinal))
        {
            using var second = await PostCodeAsync(client, AppFactory.CodeNow(key));
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
