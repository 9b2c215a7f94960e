using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace PassportQueue.Web.Components.Common;

/// <summary>The dashboard speaks Indonesian unless a user switches to English (kept in a cookie).</summary>
public static class DashboardCulture
{
    public static readonly string[] Supported = ["id-ID", "en"];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Supported[0])
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        // Only the user's own choice counts: the browser's language does not override Indonesian.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static RedirectHttpResult Switch(string name, string? redirect, HttpContext context)
    {
        if (Supported.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            var culture = new RequestCulture(CultureInfo.GetCultureInfo(name));
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(culture),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return TypedResults.LocalRedirect(redirect is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/");
    }
}
