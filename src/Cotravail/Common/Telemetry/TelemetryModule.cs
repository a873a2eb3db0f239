using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cotravail.Common.Telemetry;

/// Metrics and traces (OpenTelemetry), the /metrics scrape endpoint and the JSON console logs; see
/// docs/observability.md. Nothing leaves the machine unless OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
internal static class TelemetryModule
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// The meters read by /metrics and the operations page: the app's own, requests (http.server.request.duration
    /// by http.route), Kestrel's connections, outgoing HTTP and Npgsql's connection pools.
    public static readonly IReadOnlyList<string> Meters =
        [AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "Npgsql"];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<OperationsStats>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsStats>());
        ConfigureLogs(services, config);
        var otlp = !string.IsNullOrWhiteSpace(config[OtlpEndpointSetting]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Cotravail"))
            .WithMetrics(m =>
            {
                m.AddMeter([.. Meters]).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces only go somewhere with a collector: without one, no spans are recorded beyond the
            // request's own activity, whose ids the logs carry.
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = h => !h.Request.Path.StartsWithSegments("/metrics"))
                .AddSource("System.Net.Http", "Npgsql")
                .AddOtlpExporter());
        }
        return services;
    }

    /// Every log line carries the trace and span ids of the request it was written in (a scope, which the
    /// JSON formatter writes with IncludeScopes). Cotravail:JsonLogs=true or false overrides the formatter
    /// Logging:Console:FormatterName names (json in appsettings.json, simple in Development).
    private static void ConfigureLogs(IServiceCollection services, IConfiguration config)
    {
        services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (config.GetValue<bool?>("Cotravail:JsonLogs") is { } json)
        {
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple);
            services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }
    }

    /// /metrics in Prometheus' text format, for the callers MetricsAccess allows; anyone else gets a 404.
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var token = app.Configuration[MetricsAccess.TokenSetting];
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (!MetricsAccess.Allows(http, token))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.Headers.CacheControl = "no-store";
            await next(http);
        }), optionsName: null).AllowAnonymous();
        return app;
    }
}
