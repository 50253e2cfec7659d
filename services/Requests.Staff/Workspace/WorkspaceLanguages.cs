using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Requests.Notifications.Templates;

namespace Requests.Staff.Workspace;

/// <summary>
/// French and Arabic. The page's language comes from the cookie the switch writes (and signing in writes from the
/// account's choice, kept by routing), else from the browser. Numbers and dates are written the Moroccan way in both:
/// Western digits.
/// </summary>
public static class WorkspaceLanguages
{
    public const string Cookie = "requests.lang";

    // formats (numbers) stay French in both languages: Western digits, a decimal comma
    private static readonly CultureInfo Formats = CultureInfo.GetCultureInfo("fr-MA");

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Formats, CultureInfo.GetCultureInfo("fr")),
            SupportedCultures = [Formats],
            SupportedUICultures = [CultureInfo.GetCultureInfo("fr"), CultureInfo.GetCultureInfo("ar")],
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = Cookie },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>The language of the page being written.</summary>
    public static Language Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? Language.Arabic : Language.French;

    public static string Code(Language language) => language.Code();

    /// <summary>Writes the cookie that keeps the language.</summary>
    public static void Remember(HttpResponse response, string code) =>
        response.Cookies.Append(Cookie, CookieRequestCultureProvider.MakeCookieValue(
                new RequestCulture(Formats, CultureInfo.GetCultureInfo(code == "ar" ? "ar" : "fr"))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
}
