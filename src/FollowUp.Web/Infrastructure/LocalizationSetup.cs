using System.Globalization;
using FollowUp.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace FollowUp.Web.Infrastructure;

/// <summary>Japanese first, English too: chosen by cookie (the switcher), else the browser's language.</summary>
public static class LocalizationSetup
{
    public static WebApplicationBuilder AddFollowUpLocalization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, CachedLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(AppCultures.Japanese);
            o.AddSupportedCultures([.. AppCultures.All]);
            o.AddSupportedUICultures([.. AppCultures.All]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Cookie (explicit choice) before Accept-Language (the browser); no query string provider.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>
    /// <c>GET /culture/set?culture=en&amp;returnUrl=/</c>: remembers the choice for a year and goes back. Signed in, the
    /// choice is also the profile's language (one setting: the header's switch and the profile page agree).
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
        {
            var chosen = AppCultures.IsSupported(culture) ? culture! : AppCultures.Japanese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.Culture != chosen)
            {
                user.Culture = chosen;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>
    /// Only plain local paths are followed, so no return URL can be an open redirect; anything else goes home.
    /// Browsers drop tabs and line breaks inside URLs and some treat other spaces loosely ("/\t/evil.example" is
    /// "//evil.example" to them), and ASP.NET Core's local-redirect check throws on such text, so a return URL with
    /// any control, space or invisible formatting character, or a backslash, is refused outright.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\'))
        {
            return "/";
        }
        foreach (var c in returnUrl)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return "/";
            }
        }
        return Uri.TryCreate(returnUrl, UriKind.Relative, out _) ? returnUrl : "/";
    }

    /// <summary>Whether the current UI culture is Japanese.</summary>
    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == AppCultures.Japanese;
}
