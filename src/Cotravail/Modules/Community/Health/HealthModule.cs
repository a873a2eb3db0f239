using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Community.Health;

/// The community's health for operators (ADR 29): GET /api/v1/admin/community/health; the page is /admin/community.
internal static class HealthModule
{
    public static IServiceCollection AddCommunityHealth(this IServiceCollection services) => services.AddScoped<CommunityHealth>();

    public static void MapCommunityHealth(this RouteGroupBuilder api) =>
        api.MapGet("/admin/community/health", async (Guid? locationId, int? weeks, CommunityHealth health, Access access, HttpContext http, CancellationToken ct) =>
                (await health.HandleAsync(locationId, weeks, await access.GetAsync(ct), ct)).ToHttp(http))
            .WithTags("Community").Produces<CommunityHealthResponse>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("The community's health, as counts only (no member is named): new connections per ISO week by kind (answers, introductions, "
                + "project teams), questions asked and first answered, the median hours to a first answer, members active in the last 30 days and "
                + "those who met nobody, for one location (locationId) or every location the caller works at (the network for admins); weeks 4–26, default 12.")
            .RequireAuthorization(Policies.Staff);
}
