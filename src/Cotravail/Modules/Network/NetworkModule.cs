using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Network;

internal static class NetworkModule
{
    public static IServiceCollection AddNetwork(this IServiceCollection services) => services
        .AddScoped<SiteInfo>()
        .AddSingleton<IOrganisationNames, NetworkName>();

    public static void MapNetwork(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/network").WithTags("Network");
        group.MapGet("/", async (AppDb db, CancellationToken ct) =>
                TypedResults.Ok(NetworkInput.From(await db.NetworkRow.AsNoTracking().SingleOrDefaultAsync(ct) ?? new NetworkProfile())))
            .WithSummary("The network's name and legal identity.");
        group.MapPut("/", async (NetworkInput input, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await UpdateNetwork.HandleAsync(input, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<NetworkInput>().Produces<NetworkInput>().ProducesProblem(403)
            .WithSummary("Change the network's name and legal identity (network admins).")
            .RequireAuthorization(Policies.NetworkAdmin);
    }
}

internal static class UpdateNetwork
{
    public static async Task<Result<NetworkInput>> HandleAsync(NetworkInput input, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsNetworkAdmin)
        {
            return new Forbidden();
        }
        var network = await db.NetworkRow.SingleOrDefaultAsync(ct);
        if (network is null)
        {
            network = new NetworkProfile();
            db.Network.Add(network);
        }
        input.ApplyTo(network);
        await db.SaveChangesAsync(ct);
        return NetworkInput.From(network);
    }
}

/// The network's name, which no password may contain (PasswordPolicy).
internal sealed class NetworkName : IOrganisationNames
{
    public Task<List<string>> NamesAsync(AppDb db) => db.Network.Select(n => n.Name).ToListAsync();
}
