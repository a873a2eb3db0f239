using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Modules.Privacy.Export;

namespace Cotravail.Modules.Privacy;

/// GDPR rights: privacy choices, data export, erasure (ADR 6).
internal static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<ErasePerson>();
        services.AddScoped<IMemberEraser, MemberEraser>();
        // Each module that keeps rows about a person adds its step here (bookings, presence, invoices…).
        services.AddScoped<IErasureStep, AccountErasure>();
        services.AddScoped<IErasureStep, MemberErasure>();
        services.AddScoped<IErasureStep, AuditErasure>();
        return services;
    }

    public static void MapPrivacy(this WebApplication app, RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/privacy", async (AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await ChangePrivacy.GetAsync(await access.GetAsync(ct), db, ct)).ToHttp(http))
            .Produces<PrivacyChoices>().ProducesProblem(404).WithSummary("My privacy choices (all off until I turn them on).");
        me.MapPut("/privacy", async (PrivacyChoices choices, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ChangePrivacy.SaveAsync(choices, await access.GetAsync(ct), db, clock, ct)).ToHttp(http))
            .Validate<PrivacyChoices>().Produces<PrivacyChoices>().ProducesProblem(404)
            .WithSummary("Change my privacy choices (only I can).");
        me.MapGet("/export", async (string? format, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var scope = await access.GetAsync(ct);
                var result = await ExportPersonalData.HandleAsync(new DataSubject(scope.UserId, scope.MemberId), format, db, audit, clock, ct);
                return result.ToHttp(http, d => TypedResults.File(d.Content, d.ContentType, d.FileName));
            })
            .Produces(200, contentType: "application/json").Produces(200, contentType: "application/zip").ProducesValidationProblem()
            .WithSummary("Download all my data: format=json (one document) or csv (a zip of one CSV per table).");
        me.MapPost("/erase", async (ErasePerson.Request request, ErasePerson erase, Access access, HttpContext http, CancellationToken ct) =>
                (await erase.SelfAsync(await access.GetAsync(ct), request.Password, ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .Validate<ErasePerson.Request>().Produces(204).ProducesProblem(409)
            .WithSummary("Erase my account and personal data (password required); this cannot be undone.");
        api.MapPost("/members/{id:guid}/erase", async (Guid id, ErasePerson erase, Access access, HttpContext http, CancellationToken ct) =>
                (await erase.MemberAsync(id, await access.GetAsync(ct), ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .WithTags("Members").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Erase a member's personal data (managers of their home location, network admins).")
            .RequireAuthorization(Policies.Manager);
    }
}
