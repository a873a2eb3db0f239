using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Offers;

/// The catalogue of what the network and its locations sell (passes, bundles, plans, the membership fee,
/// products) with reduced prices by member category, and the reduced-rate grants that unlock them (ADR 19).
/// Subscriptions and invoices will refer to offers by id; Offers names none of them.
internal static class OffersModule
{
    public static IServiceCollection AddOffers(this IServiceCollection services) =>
        services.AddScoped<IErasureStep, ReducedRateErasure>();

    public static void MapOffers(this WebApplication app, RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/offers").WithTags("Offers");
        offers.MapGet("/", async ([AsParameters] OfferQueries.Query query, AppDb db, Access access, CancellationToken ct) =>
                TypedResults.Ok(await OfferQueries.ListAsync(query, db, await access.GetAsync(ct), ct)))
            .WithSummary("List offers (locationId: those valid there, its own and the network's; kind, active, q: text in a name; page, pageSize): the active catalogue for everyone, inactive offers for their managers.");
        offers.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await OfferQueries.GetAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<OfferResponse>().ProducesProblem(404).WithSummary("Get an offer, its prices excluding and including VAT.");
        offers.MapGet("/{id:guid}/price", async (Guid id, Guid? memberId, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await PriceOffer.HandleAsync(id, memberId, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<PriceOffer.Response>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The price of an offer for a member (memberId; default: the caller): reduced when they hold a valid reduced-rate grant of a category the offer has a price for.");
        offers.MapPost("/", async (OfferInput input, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Answer(await SaveOffer.CreateAsync(input, db, await access.GetAsync(ct), clock, ct), http,
                    created => TypedResults.Created($"/api/v1/offers/{created.Id}", created)))
            .Validate<OfferInput>().Produces<OfferResponse>(201).ProducesProblem(403)
            .WithSummary("Create an offer of a location (its managers) or of the network (locationId empty: network admins). 403 naming locationId otherwise.")
            .RequireAuthorization(Policies.Manager);
        offers.MapPut("/{id:guid}", async (Guid id, OfferInput input, AppDb db, Access access, AuditTrail audit, HttpContext http, CancellationToken ct) =>
                Answer(await SaveOffer.UpdateAsync(id, input, db, await access.GetAsync(ct), audit, ct), http))
            .Validate<OfferInput>().Produces<OfferResponse>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Change an offer's terms; its kind and its location stay.")
            .RequireAuthorization(Policies.Manager);
        offers.MapPost("/{id:guid}/deactivate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                Answer(await SaveOffer.SetActiveAsync(id, false, db, await access.GetAsync(ct), ct), http))
            .Produces<OfferResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Withdraw an offer from the catalogue (offers are never deleted).")
            .RequireAuthorization(Policies.Manager);
        offers.MapPost("/{id:guid}/activate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                Answer(await SaveOffer.SetActiveAsync(id, true, db, await access.GetAsync(ct), ct), http))
            .Produces<OfferResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Put an offer back in the catalogue.")
            .RequireAuthorization(Policies.Manager);

        var rates = api.MapGroup("/members/{id:guid}/reduced-rates").WithTags("Reduced rates");
        rates.MapGet("/", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ReducedRates.ListAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<IReadOnlyList<ReducedRates.GrantResponse>>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("A member's reduced-rate grants, latest first (managers of their home location, network admins, the member).");
        rates.MapPost("/", async (Guid id, ReducedRates.Request request, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ReducedRates.GrantAsync(id, request, db, await access.GetAsync(ct), audit, clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/members/{id}/reduced-rates/{created.Id}", created)))
            .Validate<ReducedRates.Request>().Produces<ReducedRates.GrantResponse>(201).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Grant a member a reduced-rate category after checking a proof (proofNote says what was checked), until a local date at most one year ahead.")
            .RequireAuthorization(Policies.Manager);
        rates.MapPost("/{grantId:guid}/revoke", async (Guid id, Guid grantId, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ReducedRates.RevokeAsync(id, grantId, db, await access.GetAsync(ct), audit, clock, ct)).ToHttp(http))
            .Produces<ReducedRates.GrantResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Revoke a reduced-rate grant from now on.")
            .RequireAuthorization(Policies.Manager);
    }

    /// As ToHttp, with NotYourLocation as 403 naming `locationId`.
    private static IResult Answer<T>(Result<T> result, HttpContext http, Func<T, IResult>? onOk = null)
    {
        if (result.Error is not NotYourLocation refused)
        {
            return result.ToHttp(http, onOk);
        }
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: 403, title: l["You are not allowed to do this."], detail: l[refused.Message], extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["locationId"] = [l[refused.Message]] },
        });
    }
}
