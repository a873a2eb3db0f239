using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

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
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
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
        // The human-readable API page is public, like the OpenAPI document it shows.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Cotravail API v1");
            o.DocumentTitle = "Cotravail API";
        });
        app.UseRequestText(); // before anything reads the request (the rate limiter reads forms)
        app.UseRouting();
        app.UseRateLimits();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaffTwoFactor();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }

    public static RouteGroupBuilder MapApi(this WebApplication app) =>
        app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithRateLimits();

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapRazorPages().WithRateLimits();
        return app;
    }
}
