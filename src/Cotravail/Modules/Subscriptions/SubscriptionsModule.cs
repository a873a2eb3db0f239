using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Privacy.Erasure;

namespace Cotravail.Modules.Subscriptions;

/// What members hold from the catalogue — passes, bundles, plans, the membership — with their balances, and the
/// cover they give bookings through Bookings' IBookingCover hook (ADR 21). Billing names this module to bill
/// them; this module names no billing.
internal static class SubscriptionsModule
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services) =>
        services.AddScoped<Subscribe>()
            .AddScoped<Lifecycle>()
            .AddScoped<IBookingCover, BookingCover>()
            .AddScoped<IErasureStep, SubscriptionErasure>();

    public static void MapSubscriptions(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        group.MapGet("/", async ([AsParameters] SubscriptionQueries.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await SubscriptionQueries.ListAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .RequireAuthorization()
            .WithSummary("List the subscriptions one may see, latest start first (locationId, memberId, companyId, state, kind, q, page, pageSize): staff their locations', a member their own, a company admin the team's.");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SubscriptionQueries.GetAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .RequireAuthorization()
            .Produces<SubscriptionResponse>().ProducesProblem(404).WithSummary("One subscription with its state, pauses and the balances that hold today.");
        group.MapPost("/", async (SubscribeInput input, Subscribe subscribe, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await subscribe.HandleAsync(input, await access.GetAsync(ct), ct), db, clock, http, created: true, ct))
            .Validate<SubscribeInput>().Produces<SubscriptionResponse>(201).ProducesValidationProblem()
            .RequireAuthorization(Policies.Manager)
            .WithSummary("Subscribe a member to an offer from a day (staff of the member's location or the offer's): billed by the billing run of each month it covers. Members buy through POST /api/v1/offers/{id}/buy.");
        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelInput input, Lifecycle lifecycle, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await lifecycle.CancelAsync(id, input, await access.GetAsync(ct), ct), db, clock, http, created: false, ct))
            .Validate<CancelInput>().Produces<SubscriptionResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization()
            .WithSummary("End a plan or the membership on endsOn (default: the earliest allowed): its holder after the notice (a yearly one at the end of a paid year), staff from today.");
        group.MapPost("/{id:guid}/pause", async (Guid id, PauseInput input, Lifecycle lifecycle, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await lifecycle.PauseAsync(id, input, await access.GetAsync(ct), ct), db, clock, http, created: false, ct))
            .Validate<PauseInput>().Produces<SubscriptionResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.Manager)
            .WithSummary("Pause a monthly plan from one day to another (at most three months): those days are neither billed nor usable.");
        group.MapPost("/{id:guid}/change", async (Guid id, ChangePlanInput input, Lifecycle lifecycle, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await lifecycle.ChangeAsync(id, input, await access.GetAsync(ct), ct), db, clock, http, created: true, ct))
            .Validate<ChangePlanInput>().Produces<SubscriptionResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.Manager)
            .WithSummary("Change a plan for another from a day: the old one ends the day before, each is billed pro rata of its days in the month. A yearly plan changes on the day after a paid year.");
    }

    private static async Task<IResult> AnswerAsync(Result<Subscription> result, AppDb db, TimeProvider clock, HttpContext http, bool created, CancellationToken ct)
    {
        if (!result.IsOk)
        {
            return result.Error.ToProblem(http);
        }
        var response = (await SubscriptionQueries.ResponsesAsync(db, [result.Value], clock, ct))[0];
        return created ? TypedResults.Created($"/api/v1/subscriptions/{response.Id}", response) : TypedResults.Ok(response);
    }
}
