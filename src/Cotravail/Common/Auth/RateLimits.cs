using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Auth;

/// Rate limits on the doors a guesser knocks at (ASVS V6.3.1): each policy counts POSTs per client
/// address and, separately, per account (the email in the form or JSON body). Over the limit: 429 with
/// Retry-After. Limits per policy under Cotravail:RateLimits:{policy}:{PerAddress|PerAccount|WindowSeconds}.
/// On PostgreSQL the counters live in the database (RateLimitCounters, SharedRateCounter), so instances behind
/// a load balancer share one budget; on SQLite (one instance) they live in memory.
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Token = "token";
    public const string Join = "join";
    public const string Reset = "reset";

    public static readonly IReadOnlyList<string> All = [SignIn, Token, Join, Reset];

    private const string AccountItem = "Cotravail.RateLimitAccount";

    internal sealed record Limit(int PerAddress, int PerAccount, int WindowSeconds);

    private static readonly FrozenDictionary<string, Limit> Defaults = new Dictionary<string, Limit>
    {
        [SignIn] = new(30, 10, 300),
        [Token] = new(30, 10, 300),
        [Join] = new(10, 5, 3600),
        [Reset] = new(10, 5, 3600),
    }.ToFrozenDictionary();

    /// The policy of a route, so pages and endpoints get theirs from where they live, whichever module
    /// maps them; a module may also say .RequireRateLimiting(RateLimits.X) or [EnableRateLimiting(RateLimits.X)].
    public static string? ForRoute(string? pattern)
    {
        var route = (pattern ?? "").Trim('/').ToLowerInvariant();
        return route switch
        {
            "account/sign-in" or "account/sign-in/two-factor" => SignIn,
            "api/v1/auth/token" => Token,
            "account/forgot-password" or "account/reset-password" or "api/v1/auth/forgot-password" or "api/v1/auth/reset-password" => Reset,
            _ when route == "join" || route.StartsWith("join/", StringComparison.Ordinal) || route.StartsWith("api/v1/join", StringComparison.Ordinal) => Join,
            _ => null,
        };
    }

    public static TBuilder WithRateLimits<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && ForRoute(route.RoutePattern.RawText) is { } policy
                && !endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
            }
        });
        return builder;
    }

    public static Limit LimitOf(IConfiguration config, string policy)
    {
        var section = config.GetSection($"Cotravail:RateLimits:{policy}");
        var fallback = Defaults[policy];
        return new Limit(
            section.GetValue(nameof(Limit.PerAddress), fallback.PerAddress),
            section.GetValue(nameof(Limit.PerAccount), fallback.PerAccount),
            section.GetValue(nameof(Limit.WindowSeconds), fallback.WindowSeconds));
    }

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton<SharedRateCounter>();
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration, DatabaseSettings, SharedRateCounter>((o, config, database, counter) =>
        {
            var limits = All.ToDictionary(p => p, p => LimitOf(config, p));
            var shared = database.Engine == DatabaseEngine.Postgres;
            RateLimitPartition<string> Partition(string key, int permits, int seconds) => shared
                ? RateLimitPartition.Get(key, k => new SharedWindowLimiter(counter, k, Math.Max(1, permits), Math.Max(1, seconds)))
                : RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits, seconds));
            foreach (var (policy, limit) in limits)
            {
                o.AddPolicy(policy, http => IsCounted(http)
                    ? Partition($"{policy}:address:{http.Connection.RemoteIpAddress}", limit.PerAddress, limit.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter("not counted"));
            }
            // Per account, for the endpoints carrying one of the policies above.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } policy
                && limits.TryGetValue(policy, out var limit) && http.Items[AccountItem] is string account && IsCounted(http)
                    ? Partition($"{policy}:account:{account}", limit.PerAccount, limit.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// After routing (the policy is the endpoint's) and before the limiter: reads the account named in the body.
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsCounted(http) && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } policy
                && All.Contains(policy) && await AccountOfAsync(http.Request) is { Length: > 0 } account)
            {
                http.Items[AccountItem] = account.Trim().ToUpperInvariant();
            }
            await next(http);
        });
        return app.UseRateLimiter();
    }

    // Showing a form is free; sending it counts.
    private static bool IsCounted(HttpContext http) => !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
        QueueLimit = 0,
    };

    private static async Task<string?> AccountOfAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.FirstOrDefault(f => f.Key.Equals("email", StringComparison.OrdinalIgnoreCase)
                || f.Key.EndsWith(".Email", StringComparison.OrdinalIgnoreCase)).Value.ToString();
        }
        if (request.HasJsonContentType() && request.ContentLength is null or <= 64 * 1024)
        {
            request.EnableBuffering();
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    ? json.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals("email") || p.Name.Equals("email", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } found ? found.Value.GetString() : null
                    : null;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return null; // unreadable JSON or an unpaired surrogate: the endpoint answers the 400
            }
            finally
            {
                request.Body.Position = 0;
            }
        }
        return null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var minutes = Math.Max(1, (seconds + 59) / 60);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: l["Too many attempts"],
                detail: l["Too many attempts: please wait {0} minute(s) and try again.", minutes]).ExecuteAsync(http);
        }
        // Pages: the empty 429 is re-executed as /error?status=429, which explains it in the person's language.
    }
}
