using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Cotravail.Common.Localization;

internal static class LocalizationModule
{
    public const string CookieName = ".Cotravail.Culture";
    public static readonly string[] Languages = ["fr", "en"];

    public static IServiceCollection AddCotravailLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("fr");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The user's choice (header picker, remembered in a cookie), then the browser.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseCotravailLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // Neutral cultures pick the language; formats (dates, numbers) follow the region most users have.
        return app.Use((http, next) =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
                ? new CultureInfo("en-GB")
                : new CultureInfo("fr-FR");
            return next(http);
        });
    }

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
