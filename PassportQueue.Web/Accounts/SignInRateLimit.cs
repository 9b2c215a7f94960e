using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using PassportQueue.Web.Components.Common;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// At most <c>Auth:SignInAttemptsPerMinute</c> (default 10) sign-in attempts a minute from one client
/// address, whatever accounts they try: password spraying across accounts stops here, beside each
/// account's own lockout. Other requests are not limited.
/// </summary>
public static class SignInRateLimit
{
    public const string SignInPath = "/account/login";

    /// <summary>The password, the authenticator code and the enrolment code: guessing any of them is limited alike.</summary>
    private static readonly string[] SignInSteps = [SignInPath, "/account/two-factor", "/account/enrol"];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Auth:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && IsSignInStep(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "?",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of its own, so the status-code pages leave the answer as it is.
            options.OnRejected = (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<DashboardText>>()["SignIn_TooManyAttempts"].Value;
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(text, ct));
            };
        });
        return services;
    }

    private static bool IsSignInStep(PathString path) => SignInSteps.Any(step => path.Equals(step, StringComparison.OrdinalIgnoreCase));
}
