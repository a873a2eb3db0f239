using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cotravail.Tests.Common.Auth;

/// Walks every route of the app (read from the endpoint data source, so a new route cannot escape)
/// × every role × the caller's own and a foreign location, and compares each answer with the rule
/// written for that route in AuthorizationRules.
public abstract class AuthorizationMatrixTests(TestApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_route_answers_every_role_as_its_rule_says()
    {
        var routes = Routes(app);
        var unknown = routes.Where(r => !AuthorizationRules.All.ContainsKey(r)).ToList();
        unknown.ShouldBeEmpty("every route needs a rule in AuthorizationRules.All");
        var stale = AuthorizationRules.All.Keys.Except(routes).ToList();
        stale.ShouldBeEmpty("rules for routes that no longer exist");

        var world = await MatrixWorld.CreateAsync(app);
        var failures = new List<string>();
        var checks = 0;
        foreach (var route in routes)
        {
            var rule = AuthorizationRules.All[route];
            var scopes = route.Contains("{id", StringComparison.Ordinal) || route.Contains("{slug}", StringComparison.Ordinal) || route.Contains("{resourceId", StringComparison.Ordinal) || rule.ScopedBody || rule.FreshId is not null ? new[] { Scope.Own, Scope.Foreign } : [Scope.None];
            foreach (var role in Enum.GetValues<Role>())
            {
                // A visitor has no location: "own" and "foreign" are one case for them.
                foreach (var scope in role == Role.Anonymous ? scopes.Take(1) : scopes)
                {
                    var expected = rule.Expect(role, scope);
                    var actual = await SendAsync(world, route, rule, role, scope);
                    checks++;
                    if (actual != expected)
                    {
                        failures.Add($"{route} as {role} ({scope}): expected {expected}, got {actual}");
                    }
                }
            }
        }
        var summary = $"Authorization matrix on {app.Engine}: {routes.Count} routes × {Enum.GetValues<Role>().Length} roles, own and foreign location = {checks} checks.";
        output.WriteLine("Report: " + summary);
        output.WriteLine(string.Join(Environment.NewLine, routes));
        failures.ShouldBeEmpty(summary);
    }

    /// "GET /api/v1/locations/{id:guid}": every endpoint's method and route template.
    internal static List<string> Routes(TestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.Trim('/')}"))
            .Distinct().Order(StringComparer.Ordinal)];

    private static async Task<string> SendAsync(MatrixWorld world, string route, RouteRule rule, Role role, Scope scope)
    {
        var (method, template) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var api = template.StartsWith("/api/", StringComparison.Ordinal);
        var fresh = rule.FreshId is null ? (Guid?)null : await rule.FreshId(world, scope);
        var url = Fill(world, template, scope, fresh) + (rule.Query?.Invoke(world, scope) ?? "");
        var client = await world.ClientAsync(role, api);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var body = rule.Body?.Invoke(world, scope);
        if (rule.Content is not null)
        {
            request.Content = rule.Content();
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }
        else if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return Outcome(response);
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther when response.Headers.Location is { } to =>
            to.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) ? Expect.SignIn
            : to.OriginalString.Contains("/account/denied", StringComparison.Ordinal) ? Expect.Denied
            : Expect.Redirect,
        var code when (int)code is >= 200 and < 300 => Expect.Ok,
        var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private const string LocationParameter = "{locationId:guid}";

    internal static string Fill(MatrixWorld world, string template, Scope scope, Guid? fresh)
    {
        var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var area = segments.SkipWhile(s => s is "api" or "v1" or "admin").FirstOrDefault() ?? "";
        // {locationId} is the own or foreign location; FreshId fills the last other id.
        var lastId = Array.FindLastIndex(segments, s => s.StartsWith('{') && s.Contains(":guid", StringComparison.Ordinal) && s != LocationParameter);
        return "/" + string.Join('/', segments.Select((s, i) => s switch
        {
            "{slug}" => scope == Scope.Foreign ? world.Slugs.Foreign : world.Slugs.Own,
            "{documentName}.json" => "v1.json",
            "{documentName?}" => "v1",
            "{token}.ics" => world.CalendarToken + ".ics",
            "{kind}" => "questions", // a community post's kind (moderation); its {id} is then no question

            LocationParameter => MatrixWorld.Pick(world.Locations, scope).ToString(),
            "{resourceId:guid}" => MatrixWorld.Pick(world.Resources, scope).ToString(),
            _ when fresh is not null && i == lastId => fresh.Value.ToString(),
            _ when s.StartsWith("{id", StringComparison.Ordinal) => RecordId(world, template, area, s, scope).ToString(),
            _ when s.StartsWith('{') => throw new InvalidOperationException($"{template}: say in the rule how to fill {s} (FreshId)."),
            _ => s,
        }));
    }

    private static Guid RecordId(MatrixWorld world, string template, string area, string parameter, Scope scope) => area switch
    {
        "locations" => MatrixWorld.Pick(world.Locations, scope),
        "resources" => MatrixWorld.Pick(world.Resources, scope),
        "members" or "community" => MatrixWorld.Pick(world.Members, scope),
        "companies" => MatrixWorld.Pick(world.Companies, scope),
        "bookings" => MatrixWorld.Pick(world.Bookings, scope),
        "offers" => MatrixWorld.Pick(world.Offers, scope),
        _ => throw new InvalidOperationException($"{template}: say in MatrixWorld which record {parameter} points at."),
    };
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTests_Sqlite(SqliteTestApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationMatrixTests_Postgres(PostgresTestApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output);
