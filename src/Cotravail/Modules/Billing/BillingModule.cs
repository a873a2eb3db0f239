using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Invoices and credit notes with gapless numbers, a footprint chain and the French mentions; payments
/// (ADR 18). Drafts are typed by staff; issuing seals them for good.
internal static class BillingModule
{
    /// Cotravail:BillingRuns:BatchSize sets how many payers a run drafts (or invoices it issues) per batch.
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<BillingRunOptions>(configuration.GetSection("Cotravail:BillingRuns"))
            .AddScoped<IssueInvoice>()
            .AddScoped<InvoiceMail>()
            .AddScoped<SaveDraft>()
            .AddScoped<DraftCreditNote>()
            .AddScoped<RecordPayment>()
            .AddScoped<InvoiceDocuments>()
            .AddSingleton<InvoicePdf>()
            .AddScoped<IErasureStep, BillingErasure>()
            .AddScoped<CollectCharges>()
            .AddScoped<DraftRunInvoices>()
            .AddScoped<IssueRunInvoices>()
            .AddScoped<BillingRunSteps>()
            .AddScoped<BuyOffer>()
            .AddScoped<StartBillingRun>()
            .AddScoped<ResumeBillingRun>()
            .AddScoped<IssueBillingRun>()
            .AddSingleton<BillingRunQueue>()
            .AddHostedService<BillingRunWorker>()
            // The draft form's page answers /admin/invoices/{id}/edit and, for a new draft, this address too.
            .Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Billing/Admin/Draft", "admin/invoices/new"));

    public static void MapBilling(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapPost("/offers/{id:guid}/buy", async (Guid id, BuyOffer.Request request, BuyOffer buy, Access access, HttpContext http, CancellationToken ct) =>
                (await buy.HandleAsync(id, request, await access.GetAsync(ct), ct))
                    .ToHttp(http, bought => TypedResults.Created($"/api/v1/subscriptions/{bought.Subscription.Id}", bought)))
            .WithTags("Subscriptions").RequireAuthorization()
            .Produces<BuyOffer.Response>(201).ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("Buy an offer for oneself (members): the subscription starts (startsOn, default today) and, when the member pays, its first amount is invoiced at once (the invoice is issued, mailed and downloadable). A company that pays is billed by the monthly run.");
        var group = api.MapGroup("/invoices").WithTags("Invoices");
        group.MapGet("/", async ([AsParameters] InvoiceQueries.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await InvoiceQueries.ListAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .WithSummary("List the invoices and credit notes one may see, issued latest first after the drafts (locationId, memberId, companyId, kind, status, state, q, page, pageSize, runId: the drafts of a billing run): staff their locations', a member their own, a company admin the company's.");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await db.Invoices.VisibleTo(await access.GetAsync(ct)).AnyAsync(i => i.Id == id, ct) && await InvoiceQueries.ResponseAsync(db, id, clock, ct) is { } found
                    ? TypedResults.Ok(found)
                    : new NotFound("Invoice or credit note").ToProblem(http))
            .Produces<InvoiceResponse>().ProducesProblem(404).WithSummary("One invoice or credit note with its lines, VAT breakdown, what was credited and paid, and its state.");
        group.MapPost("/", async (DraftInput input, SaveDraft save, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await save.HandleAsync(null, input, await access.GetAsync(ct), ct), db, clock, http, created: true, ct))
            .Validate<DraftInput>().Produces<InvoiceResponse>(201).ProducesProblem(403).WithSummary("Draft a one-off invoice for a member, a company or a named customer. Nothing is numbered until it is issued.")
            .RequireAuthorization(Policies.Manager);
        group.MapPut("/{id:guid}", async (Guid id, DraftInput input, SaveDraft save, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                await AnswerAsync(await save.HandleAsync(id, input, await access.GetAsync(ct), ct), db, clock, http, created: false, ct))
            .Validate<DraftInput>().Produces<InvoiceResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Replace a draft. An issued invoice or credit note is never changed: 409 (issue a credit note).")
            .RequireAuthorization(Policies.Manager);
        group.MapDelete("/{id:guid}", async (Guid id, AppDb db, Access access, AuditTrail audit, HttpContext http, CancellationToken ct) =>
                (await DeleteDraft.HandleAsync(id, db, await access.GetAsync(ct), audit, ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Delete a draft. An issued document is never deleted: 409.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/issue", async (Guid id, IssueInvoice issue, Access access, HttpContext http, CancellationToken ct) =>
                (await issue.HandleAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<InvoiceResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Issue a draft: the next number of its series, today's date, the seller's identity and terms, sealed in the footprint chain; then emailed. Never a 0 invoice.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/credit-notes", async (Guid id, DraftCreditNote.Request request, DraftCreditNote draft, AppDb db, Access access, TimeProvider clock, HttpContext http,
                CancellationToken ct) =>
                await AnswerAsync(await draft.HandleAsync(id, request, await access.GetAsync(ct), ct), db, clock, http, created: true, ct))
            .Validate<DraftCreditNote.Request>().Produces<InvoiceResponse>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Draft a credit note for an issued invoice: all that is not credited yet, or the lines given (lineId, quantity), at the invoice's prices and VAT rates. Issue it like an invoice.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/payments", async (Guid id, RecordPayment.Request request, RecordPayment record, AppDb db, Access access, TimeProvider clock, HttpContext http,
                CancellationToken ct) =>
            {
                var recorded = await record.HandleAsync(id, request, await access.GetAsync(ct), ct);
                return await AnswerAsync(recorded.IsOk ? id : recorded.Error, db, clock, http, created: false, ct);
            })
            .Validate<RecordPayment.Request>().Produces<InvoiceResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Record a payment received (transfer, card, cash, cheque) or a refund (negative amount) against an issued invoice. Payments are never changed or deleted.")
            .RequireAuthorization(Policies.Manager);
        group.MapGet("/{id:guid}/pdf", async (Guid id, AppDb db, Access access, InvoiceDocuments documents, HttpContext http, CancellationToken ct) =>
                await db.Invoices.VisibleTo(await access.GetAsync(ct)).AnyAsync(i => i.Id == id, ct) && await documents.GetOrRenderAsync(id, ct) is { } pdf
                    ? TypedResults.File(pdf.Content, "application/pdf", pdf.FileName)
                    : new NotFound("Invoice or credit note").ToProblem(http))
            .Produces(200, contentType: "application/pdf").ProducesProblem(404)
            .WithSummary("The PDF of an issued invoice or credit note, in the customer's language, as rendered once at issue (404 for drafts).");

        api.MapCharges();
        var billing = api.MapGroup("/billing").WithTags("Invoices");
        billing.MapBillingRuns();
        billing.MapGet("/chain", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await VerifyChain.HandleAsync(db, ct)))
            .WithSummary("Verify the footprint chain of every issued invoice and credit note: intact, or the first document where it breaks.")
            .RequireAuthorization(Policies.Manager);
        billing.MapGet("/turnover", async ([AsParameters] Turnover.Query query, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await Turnover.HandleAsync(query, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<Turnover.Report>().ProducesValidationProblem()
            .WithSummary("Turnover of the issue dates from..to (YYYY-MM-DD, inclusive), optionally of one location: invoices minus credit notes, per currency and VAT rate.")
            .RequireAuthorization(Policies.Manager);
        billing.MapGet("/turnover.csv", async ([AsParameters] Turnover.Query query, AppDb db, Access access, IStringLocalizer<SharedResource> l, HttpContext http,
                CancellationToken ct) =>
            {
                var csv = await Turnover.CsvAsync(query, db, await access.GetAsync(ct), l, ct);
                return csv.IsOk ? TypedResults.File(csv.Value, "text/csv; charset=utf-8", $"turnover-{query.From}-{query.To}.csv") : csv.Error.ToProblem(http);
            })
            .Produces(200, contentType: "text/csv").ProducesValidationProblem()
            .WithSummary("The documents behind the turnover, one per line (credit notes negative), as CSV in the caller's language.")
            .RequireAuthorization(Policies.Manager);
        billing.MapGet("/terms", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await ChangeTerms.ReadAsync(db, ct)))
            .WithSummary("The seller's invoicing terms printed on every invoice: payment term, late-payment penalty rate, early-payment discount, payment terms, VAT on debits.")
            .RequireAuthorization(Policies.Manager);
        billing.MapPut("/terms", async (TermsInput input, AppDb db, AuditTrail audit, CancellationToken ct) => TypedResults.Ok(await ChangeTerms.HandleAsync(input, db, audit, ct)))
            .Validate<TermsInput>().Produces<TermsInput>().ProducesValidationProblem()
            .WithSummary("Change the invoicing terms; documents already issued keep the terms they were issued with.")
            .RequireAuthorization(Policies.NetworkAdmin);
    }

    /// The saved document, or the problem.
    private static async Task<IResult> AnswerAsync(Result<Guid> result, AppDb db, TimeProvider clock, HttpContext http, bool created, CancellationToken ct)
    {
        if (!result.IsOk)
        {
            return result.Error.ToProblem(http);
        }
        var response = await InvoiceQueries.ResponseAsync(db, result.Value, clock, ct);
        return created ? TypedResults.Created($"/api/v1/invoices/{result.Value}", response) : TypedResults.Ok(response);
    }
}
