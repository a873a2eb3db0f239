using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Companies;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Members;

internal static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddSingleton<IMemberLinks, MemberLinks>().AddSingleton<ICompanyPeople, CompanyPeople>();

    public static void MapMembers(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members");
        group.MapGet("/", async ([AsParameters] ListMembers.Query query, AppDb db, Access access, CancellationToken ct) =>
                TypedResults.Ok(await ListMembers.HandleAsync(query, db, await access.GetAsync(ct), ct)))
            .WithSummary("List members (locationId, companyId, category, search, active, sort=name|-name|email|-email|created|-created, page, pageSize).");
        group.MapGet("/export.csv", async ([AsParameters] ListMembers.Query query, AppDb db, Access access, AuditTrail audit,
                IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await ExportMembers.HandleAsync(query, db, await access.GetAsync(ct), audit, l, ct), ExportMembers.ContentType, ExportMembers.FileName(clock)))
            .RequireAuthorization(Policies.Staff).Produces(200, contentType: "text/csv").ProducesProblem(403)
            .WithSummary("The members of the caller's locations as CSV, with the list's filters (staff).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveMember.GetAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<MemberResponse>().ProducesProblem(404).WithSummary("Get a member.");
        group.MapPost("/", async (MemberInput input, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SaveMember.CreateAsync(input, db, await access.GetAsync(ct), audit, clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/members/{created.Id}", created)))
            .Validate<MemberInput>().Produces<MemberResponse>(201).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Register a member (managers of the home location).")
            .RequireAuthorization(Policies.Manager);
        group.MapPut("/{id:guid}", async (Guid id, MemberInput input, AppDb db, Access access, AuditTrail audit, HttpContext http, CancellationToken ct) =>
                (await SaveMember.UpdateAsync(id, input, db, await access.GetAsync(ct), audit, ct)).ToHttp(http))
            .Validate<MemberInput>().Produces<MemberResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a member.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/deactivate", async (Guid id, AppDb db, Access access, AuditTrail audit, HttpContext http, CancellationToken ct) =>
                (await SaveMember.SetActiveAsync(id, false, db, await access.GetAsync(ct), audit, ct)).ToHttp(http))
            .Produces<MemberResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Deactivate a member.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/activate", async (Guid id, AppDb db, Access access, AuditTrail audit, HttpContext http, CancellationToken ct) =>
                (await SaveMember.SetActiveAsync(id, true, db, await access.GetAsync(ct), audit, ct)).ToHttp(http))
            .Produces<MemberResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Reactivate a member.")
            .RequireAuthorization(Policies.Manager);
    }
}
