using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cotravail.Tests.Common.Web;

/// Walks every route of the app (read from the endpoint data source, like the authorization matrix) with the
/// bad-input corpus in each body field, query parameter, path value and form field, anonymously and signed in,
/// and checks that nothing answers 500, that the API answers problem details and pages redisplay their form,
/// in French. The walk runs on an app of its own, since what it sends may change the records it finds.
public abstract class BadInputWalkTests(ITestOutputHelper output)
{
    private protected abstract TestApp NewApp();

    [Fact]
    public async Task No_route_and_no_form_answers_500_to_bad_input()
    {
        await using var app = NewApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var world = await MatrixWorld.CreateAsync(app);
        var routes = AuthorizationMatrixTests.Routes(app);
        var descriptions = ApiDescriptions(app);
        // Records that a route uses up are made first: what the walk sends may deactivate the location they need.
        var freshIds = new Dictionary<string, Guid>();
        foreach (var route in routes.Where(r => AuthorizationRules.All[r].FreshId is not null))
        {
            freshIds[route] = await AuthorizationRules.All[route].FreshId!(world, Scope.Own);
        }
        // Binding answers the same on both engines: PostgreSQL's walk sends every core value everywhere, SQLite's
        // those that reach storage (BadInput.StorageCore), the rest in turn.
        var core = app.Engine == Cotravail.Common.Database.DatabaseEngine.Postgres ? BadInput.Core : BadInput.StorageCore;
        var walk = new InputWalk(app, world, freshIds, core);

        foreach (var route in routes)
        {
            var rule = AuthorizationRules.All[route];
            if (route.Contains(" /api/", StringComparison.Ordinal))
            {
                descriptions.TryGetValue(Normalize(route), out var description);
                foreach (var role in new[] { Role.Anonymous, Role.NetworkAdmin })
                {
                    await walk.ApiAsync(route, rule, description, role);
                }
            }
            else
            {
                foreach (var role in new[] { Role.Anonymous, Role.Member, Role.NetworkAdmin })
                {
                    await walk.PageAsync(route, rule, role);
                }
            }
        }

        var summary = $"Bad-input walk on {app.Engine}: {walk.ApiRoutes} API routes, {walk.PageRoutes} pages with {walk.Forms} forms, "
            + $"{BadInput.Corpus.Count} bad values ({core.Count} in every place, the others in turn), {walk.Cases} requests "
            + $"(every value in every place: {walk.FullCases}).";
        output.WriteLine("Report: " + summary);
        foreach (var failure in walk.Failures)
        {
            output.WriteLine("Failure: " + failure);
        }
        walk.Failures.Take(100).ShouldBeEmpty($"{summary} {walk.Failures.Count} failures (all in the test output)");
    }

    /// "POST /api/v1/bookings" → what ApiExplorer knows of its parameters (query and body).
    private static Dictionary<string, ApiDescription> ApiDescriptions(TestApp app) =>
        app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.HttpMethod is not null && d.RelativePath is not null)
            .GroupBy(d => Normalize($"{d.HttpMethod} /{d.RelativePath!.Trim('/')}"))
            .ToDictionary(g => g.Key, g => g.First());

    /// Route constraints dropped: "GET /api/v1/locations/{id:guid}" and "GET /api/v1/locations/{id}" are one route.
    internal static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\??\}", "{$1}");
}

[Collection("bad-input walk sqlite")]
public sealed class BadInputWalkTests_Sqlite(ITestOutputHelper output) : BadInputWalkTests(output)
{
    private protected override TestApp NewApp() => new SqliteTestApp();
}

[Collection("bad-input walk postgres")]
public sealed class BadInputWalkTests_Postgres(ITestOutputHelper output) : BadInputWalkTests(output)
{
    private protected override TestApp NewApp() => new PostgresTestApp();
}
