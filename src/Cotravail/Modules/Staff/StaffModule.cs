using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Staff;

/// Who runs the network: staff roles per location and network admins, managed by network admins only.
internal static class StaffModule
{
    public static IServiceCollection AddStaff(this IServiceCollection services) => services
        .AddScoped<GrantRole>()
        .AddScoped<RevokeRole>()
        .AddScoped<SetNetworkAdmin>();

    public static void MapStaff(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.NetworkAdmin);
        group.MapGet("/", async ([AsParameters] ListStaff.Query query, AppDb db, CancellationToken ct) =>
                TypedResults.Ok(await ListStaff.HandleAsync(query, db, ct)))
            .ProducesProblem(403).WithSummary("Network admins and staff with their roles per location (search, page, pageSize); network admins.");
        group.MapPost("/roles", async (GrantRoleInput input, GrantRole grant, HttpContext http, CancellationToken ct) =>
                (await grant.HandleAsync(input, ct)).ToHttp(http, granted => granted.Created
                    ? TypedResults.Created($"/api/v1/staff/roles/{granted.Staff.UserId}/{input.LocationId}", granted.Staff)
                    : TypedResults.Ok(granted.Staff)))
            .Validate<GrantRoleInput>().Produces<StaffResponse>(201).Produces<StaffResponse>().ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Give an account (email or userId) the Manager or Host role at a location; a different role held there is changed; network admins.");
        group.MapDelete("/roles/{userId:guid}/{locationId:guid}", async (Guid userId, Guid locationId, RevokeRole revoke, HttpContext http, CancellationToken ct) =>
                (await revoke.HandleAsync(userId, locationId, ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .ProducesProblem(403).ProducesProblem(404).WithSummary("Remove an account's role at a location; its sessions are re-checked within a minute; network admins.");
        group.MapPut("/{userId:guid}/network-admin", async (Guid userId, NetworkAdminInput input, SetNetworkAdmin set, HttpContext http, CancellationToken ct) =>
                (await set.HandleAsync(userId, input.IsNetworkAdmin!.Value, ct)).ToHttp(http))
            .Validate<NetworkAdminInput>().Produces<StaffResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Grant or remove network admin (the last active network admin cannot be removed); network admins.");
    }
}
