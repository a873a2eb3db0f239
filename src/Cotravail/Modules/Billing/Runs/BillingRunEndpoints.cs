using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Billing runs through the API: start one for a month, follow its progress, resume it, issue its drafts.
/// The seller is the network, so runs are the network admins'. The work itself is the BillingRunWorker's.
internal static class BillingRunEndpoints
{
    internal sealed record RunResponse(Guid Id, string Period, string Status, int ChargesCollected, int CustomersTotal, int CustomersDone, int DraftsCreated,
        int CustomersSkipped, long TotalCents, int InvoicesIssued, int IssueFailures, DateTime StartedAt, DateTime? FinishedAt, Guid StartedByUserId, string? Error);

    public static RunResponse ToResponse(this BillingRun r) => new(r.Id, r.Period, r.Status.ToString(), r.ChargesCollected, r.CustomersTotal, r.CustomersDone,
        r.DraftsCreated, r.CustomersSkipped, r.TotalCents, r.InvoicesIssued, r.IssueFailures, r.StartedAt, r.FinishedAt, r.StartedByUserId, r.Error);

    public static void MapBillingRuns(this RouteGroupBuilder billing)
    {
        var runs = billing.MapGroup("/runs").RequireAuthorization(Policies.NetworkAdmin);
        runs.MapGet("/", async (AppDb db, CancellationToken ct) =>
                TypedResults.Ok((await db.BillingRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(ct)).Select(r => r.ToResponse()).ToList()))
            .WithSummary("The latest billing runs with their progress (customers done of total, drafts, amount, invoices issued).");
        runs.MapGet("/{id:guid}", async (Guid id, AppDb db, HttpContext http, CancellationToken ct) =>
                await db.BillingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run
                    ? TypedResults.Ok(run.ToResponse())
                    : new NotFound("Billing run").ToProblem(http))
            .Produces<RunResponse>().ProducesProblem(404).WithSummary("One billing run and its progress.");
        runs.MapPost("/", async (StartBillingRun.Request request, StartBillingRun start, Access access, HttpContext http, CancellationToken ct) =>
                (await start.HandleAsync(request, await access.GetAsync(ct), ct)).ToHttp(http, run => TypedResults.Accepted($"/api/v1/billing/runs/{run.Id}", run.ToResponse())))
            .Validate<StartBillingRun.Request>().Produces<RunResponse>(202).ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("Start billing a month: collect its charges (bookings, late-cancellation fees, desks and offices, charges added at the desk) and draft one invoice per payer, in the background. 409 when the month has a run.");
        runs.MapPost("/{id:guid}/resume", async (Guid id, ResumeBillingRun resume, HttpContext http, CancellationToken ct) =>
                (await resume.HandleAsync(id, ct)).ToHttp(http, run => TypedResults.Accepted($"/api/v1/billing/runs/{run.Id}", run.ToResponse())))
            .Produces<RunResponse>(202).ProducesProblem(404)
            .WithSummary("Continue a stopped or failed run where its last batch ended (runs also resume by themselves when the application starts).");
        runs.MapPost("/{id:guid}/issue", async (Guid id, IssueBillingRun issue, Access access, HttpContext http, CancellationToken ct) =>
                (await issue.HandleAsync(id, await access.GetAsync(ct), ct)).ToHttp(http, run => TypedResults.Accepted($"/api/v1/billing/runs/{run.Id}", run.ToResponse())))
            .Produces<RunResponse>(202).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Issue every draft of a drafted run, one by one in the background (consecutive numbers, the footprint chain), then email them. Drafts the issuing refuses stay drafts and are counted.");
    }

    public static void MapCharges(this RouteGroupBuilder api)
    {
        api.MapGet("/charges", async ([AsParameters] ChargeQueries.Query query, AppDb db, Access access, CancellationToken ct) =>
            {
                var page = await ChargeQueries.Filter(db, await access.GetAsync(ct), query).OrderBy(c => c.ServiceDate).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
                return TypedResults.Ok(page.Select(c => c.ToResponse()).ToList());
            })
            .WithTags("Invoices").RequireAuthorization(Policies.Staff)
            .WithSummary("The charges of one's locations (period \"2026-11\", locationId, pending, source, q: the member's or the company's name), 500 at most: what the next billing run will draft, and what was billed.");
        api.MapPost("/charges", async (AddCharge.Request request, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var added = await AddCharge.HandleAsync(request, db, await access.GetAsync(ct), audit, clock, ct);
                return added.IsOk ? TypedResults.Created($"/api/v1/charges/{added.Value.Id}", added.Value.ToResponse()) : added.Error.ToProblem(http);
            })
            .Validate<AddCharge.Request>().Produces<AddCharge.Response>(201).ProducesValidationProblem().ProducesProblem(403)
            .WithTags("Invoices").RequireAuthorization(Policies.Manager)
            .WithSummary("Add a one-off charge for a member or a company (a product sold at the desk): billed by the run of its date's month.");
    }
}
