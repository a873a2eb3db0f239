using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Scalar.AspNetCore;

namespace Cotravail.Common.Web;

internal static class WebModule
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Modules")
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
;
        services.ConfigureOptions<BindingMessages>();
        services.ConfigureOptions<FormBinders>();
        services.ConfigureOptions<FieldDisplayNames>();
        services.AddProblemDetails();
        // Unreadable bodies and query strings reach ExceptionHandling, which names the field in a 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ExceptionHandling>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new CleanTextJsonConverter());
            // null in a non-nullable field is a 400 naming the field, not a crash further down.
            o.SerializerOptions.RespectNullableAnnotations = true;
            // The OpenAPI document sees each FieldRulesAttribute's rules on its property.
            o.SerializerOptions.TypeInfoResolver = o.SerializerOptions.TypeInfoResolver?.WithAddedModifier(FieldRulesContract.Expand);
        });
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o => o.AddCotravailConventions());
        services.AddRequestLimits();
        services.AddReadiness();
        // SIGTERM: in-flight requests get this long to finish before the host stops (jobs stop on their token).
        services.AddOptions<HostOptions>().Configure<IConfiguration>((o, config) =>
            o.ShutdownTimeout = config.GetValue("Cotravail:ShutdownTimeout", TimeSpan.FromSeconds(20)));
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // First: the client address (from a known proxy's X-Forwarded-For) is what everything after sees.
        ClientAddress.CheckForwarding(app.Configuration, app.Environment, app.Logger);
        app.UseForwardedHeaders();
        // Outside the exception handler and the status code pages, so their answers are in the person's language.
        app.UseCotravailLocalization();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on https requests; the proxy or Kestrel terminates TLS
        }
        app.UseWhen(h => h.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(h => !h.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestText(); // before anything reads the request (the rate limiter reads forms)
        app.UseRouting();
        // An address no route knows is a 404 (a page, or problem details under /api), not a sign-in demand
        // from the deny-by-default policy.
        app.Use((http, next) =>
        {
            if (http.GetEndpoint() is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(http);
        });
        app.UseRateLimits();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaffTwoFactor();
        app.MapOpenApi().AllowAnonymous();
        // The human-readable API page is public, like the OpenAPI document it shows; its script is served
        // from here (no CDN, no fonts from elsewhere, no telemetry), under the page's own policy (SecurityHeaders).
        app.MapScalarApiReference("/api/docs", o =>
        {
            o.Title = "Cotravail API";
            o.DefaultFonts = false;
            o.Telemetry = false;
            o.HideClientButton = true;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Agent = new ScalarAgentOptions { Disabled = true };
            // Light only, with darker text and method colours than the default theme: WCAG AA contrast (axe).
            o.ForceThemeMode = ThemeMode.Light;
            o.HideDarkModeToggle = true;
            o.CustomCss = ApiDocsCss;
            // The page's language, and a name for the licence link Scalar draws as a bare icon (axe).
            o.HeadContent = ApiDocsScript;
            o.AddDocument("v1");
        }).AllowAnonymous();
        app.MapHealth();
        return app;
    }

    private const string ApiDocsCss = """
        .light-mode {
          --scalar-color-1: #1b1b1b !important;
          --scalar-color-2: #3d3d3d !important;
          --scalar-color-3: #545454 !important;
          --scalar-color-green: #05642c !important;
          --scalar-color-blue: #0a56a3 !important;
          --scalar-color-orange: #9a4300 !important;
          --scalar-color-red: #a8112a !important;
          --scalar-color-purple: #6326a8 !important;
          --scalar-color-yellow: #6e5200 !important;
          --scalar-color-accent: #0a56a3 !important;
        }
        .sidebar-search-placeholder { color: #545454 !important; }
        """;

    private const string ApiDocsScript = """
        <script>
          document.documentElement.lang = 'en';
          new MutationObserver(() => document.querySelectorAll('a[href^="https://www.gnu.org/licenses/"]:not([aria-label])')
            .forEach(a => a.setAttribute('aria-label', 'Licence: AGPL-3.0-or-later')))
            .observe(document.documentElement, { childList: true, subtree: true });
        </script>
        """;

    public static RouteGroupBuilder MapApi(this WebApplication app) =>
        app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithRateLimits();

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapRazorPages().WithRateLimits();
        return app;
    }
}
