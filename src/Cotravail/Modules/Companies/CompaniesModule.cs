using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Companies;

internal static class CompaniesModule
{
    public static void MapCompanies(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");
        group.MapGet("/", async ([AsParameters] ListCompanies.Query query, AppDb db, ICompanyPeople people, Access access, CancellationToken ct) =>
                TypedResults.Ok(await ListCompanies.HandleAsync(query, db, people, await access.GetAsync(ct), ct)))
            .WithSummary("List companies (search, active, sort=name|-name|city|-city, page, pageSize).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, ICompanyPeople people, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveCompany.GetAsync(id, db, people, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<CompanyResponse>().ProducesProblem(404).WithSummary("Get a company.");
        group.MapPost("/", async (CompanyInput input, AppDb db, ICompanyPeople people, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SaveCompany.CreateAsync(input, db, people, await access.GetAsync(ct), clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/companies/{created.Id}", created)))
            .Validate<CompanyInput>().Produces<CompanyResponse>(201).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Register a company (network admins and managers).")
            .RequireAuthorization(Policies.Manager);
        group.MapPut("/{id:guid}", async (Guid id, CompanyInput input, AppDb db, ICompanyPeople people, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveCompany.UpdateAsync(id, input, db, people, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<CompanyInput>().Produces<CompanyResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a company.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/deactivate", async (Guid id, AppDb db, ICompanyPeople people, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveCompany.SetActiveAsync(id, false, db, people, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<CompanyResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Deactivate a company.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/activate", async (Guid id, AppDb db, ICompanyPeople people, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveCompany.SetActiveAsync(id, true, db, people, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<CompanyResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Reactivate a company.")
            .RequireAuthorization(Policies.Manager);
    }
}
