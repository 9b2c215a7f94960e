using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>ASP.NET Core Identity on the product's database: cookie sign-in, roles, lockout, the second factor, the office claim.</summary>
public static class AuthServiceExtensions
{
    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthorization();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Identity's stores want a scoped context; it comes from the same pooled factory as everything else.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PassportQueueDbContext>>().CreateDbContext());
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PassportQueueDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaims>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "pq.auth";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // On every request, without the database: a supervisor's or admin's cookie without the second factor is no session.
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is { } principal && SecondFactor.Missing(principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<SignInAudit>();
        services.AddSingleton<StaffNames>();
        // Access taken away ends open sessions within a minute: the cookie and the live dashboard are both checked.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, StaffStampValidator>());
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, time) =>
        {
            o.ValidationInterval = StaffSessions.Interval;
            o.TimeProvider = time;
            o.OnRefreshingPrincipal = SecondFactor.KeepOnRefresh;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<TimeProvider>((o, time) => o.TimeProvider = time);
        services.AddScoped<AuthenticationStateProvider, StaffCircuitAuthentication>();
        return builder;
    }

    /// <summary>Sign-out: a form post with an antiforgery token.</summary>
    public static IEndpointRouteBuilder MapStaffAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
        return app;
    }
}
