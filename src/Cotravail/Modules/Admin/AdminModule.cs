using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Modules.Network;

namespace Cotravail.Modules.Admin;

internal static class AdminModule
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services
        .AddScoped<Dashboard>()
        .AddScoped<IPendingRequests>(sp => sp.GetRequiredService<Dashboard>());

    /// The operator's dashboard as JSON: the same figures as /admin.
    public static void MapAdmin(this WebApplication app, RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (Guid? locationId, Dashboard dashboard, Access access, HttpContext http, CancellationToken ct) =>
            {
                var scope = await access.GetAsync(ct);
                var locations = await dashboard.ScopeAsync(locationId, scope, ct);
                return locations.IsOk
                    ? TypedResults.Ok(await dashboard.FiguresAsync(locationId, locations.Value, scope, ct))
                    : locations.Error.ToProblem(http);
            })
            .WithTags("Admin").Produces<DashboardResponse>().ProducesProblem(404)
            .WithSummary("Today's figures, pending requests, occupancy by kind over the next 7 and 30 days and the last 12 weeks' trend, "
                + "for one location (locationId) or every location the caller works at (the network for admins).")
            .RequireAuthorization(Policies.Staff);
}
