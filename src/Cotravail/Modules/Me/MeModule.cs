using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Modules.Me.Tokens;

namespace Cotravail.Modules.Me;

/// The signed-in person's own things: account security pages (/me/security) and API tokens.
internal static class MeModule
{
    public static IServiceCollection AddMe(this IServiceCollection services) => services.AddScoped<PersonalTokens>();

    public static void MapMe(this WebApplication app, RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/tokens").WithTags("Me");
        me.MapGet("", async (PersonalTokens tokens, Access access, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync((await access.GetAsync(ct)).UserId!.Value, ct)))
            .WithName("ListMyTokens").WithSummary("My active API tokens (never their values).");
        me.MapPost("", async (PersonalTokens.CreateRequest request, PersonalTokens tokens, Access access, HttpContext http, CancellationToken ct) =>
                (await tokens.CreateAsync((await access.GetAsync(ct)).UserId!.Value, http.User, request, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/me/tokens/{created.Id}", created)))
            .Validate<PersonalTokens.CreateRequest>().Produces<PersonalTokens.CreatedToken>(201)
            .WithName("CreateMyToken").WithSummary("Create a personal access token; its value is in this answer only.");
        me.MapDelete("/{id:guid}", async (Guid id, PersonalTokens tokens, Access access, HttpContext http, CancellationToken ct) =>
                (await tokens.RevokeAsync((await access.GetAsync(ct)).UserId!.Value, id, ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .WithName("RevokeMyToken").WithSummary("Revoke one of my tokens.");
        api.MapMyProfile();
    }
}
