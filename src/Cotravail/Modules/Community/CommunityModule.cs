using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Community.Digest;
using Cotravail.Modules.Community.Health;
using Cotravail.Modules.Community.Moderation;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

/// The community: profiles with skills, the members' directory (ADR 26). Who sees what is the member's choice
/// on /me/privacy, read on every query; nothing here widens it.
internal static class CommunityModule
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<IErasureStep, CommunityErasure>();
        services.AddOptions<DigestOptions>().BindConfiguration("Cotravail:Community:Digest");
        services.AddScoped<DigestSender>();
        services.AddScoped<IDigestSection, NewMembersSection>();
        services.AddScoped<IDigestSection, SkillsISeekSection>();
        services.AddScoped<IDigestSection, QuestionsForMeSection>();
        services.AddScoped<IDigestSection, ProjectsForMeSection>();
        services.AddHostedService<DigestJob>();
        services.AddQuestions();
        services.AddCommunityHealth();
        services.AddModeration();
        return services.AddProjects();
    }

    public static void MapCommunity(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapMemberPhotoFiles();
        var me = api.MapGroup("/me").WithTags("Community");
        me.MapGet("/community-profile", async (AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await EditProfile.GetAsync(await access.GetAsync(ct), db, ct)).ToHttp(http))
            .Produces<ProfileInput>().ProducesProblem(404).WithSummary("My community profile: headline, bio (Markdown), skills offered and sought, tags, languages, links.");
        me.MapPut("/community-profile", async (ProfileInput input, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await EditProfile.SaveAsync(input, await access.GetAsync(ct), db, clock, ct)).ToHttp(http))
            .Validate<ProfileInput>().Produces<ProfileInput>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Replace my community profile (who sees it: PUT /api/v1/me/privacy).");
        me.MapPut("/community-profile/photo", async (IFormFile? photo, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await MemberPhotos.SaveAsync(await access.GetAsync(ct), photo, db, clock, ct);
                return result.IsOk ? TypedResults.Ok(result.Value) : ManagePhotos.ToProblem(result.Error, http);
            })
            // Bearer-only API: no cookie is ever sent, so there is nothing for a forged form to ride on.
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(PhotosModule.UploadLimit))
            .Produces<MemberPhotoResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413)
            .WithSummary("Replace my profile photo (multipart field 'photo': JPEG, PNG or WebP up to 5 MB, 64 to 6000 pixels a side; who sees it: photo in PUT /api/v1/me/privacy).");
        me.MapDelete("/community-profile/photo", async (AppDb db, Access access, HttpContext http, CancellationToken ct) =>
            {
                var result = await MemberPhotos.DeleteAsync(await access.GetAsync(ct), db, ct);
                return result.IsOk ? TypedResults.NoContent() : result.Error.ToProblem(http);
            })
            .ProducesProblem(404).WithSummary("Remove my profile photo (if any); my card's photoUrl (GET /api/v1/community/members/{my id}) says whether I have one.");

        var community = api.MapGroup("/community").WithTags("Community");
        community.MapGet("/skills", (string? q) =>
            {
                var culture = CultureInfo.CurrentUICulture;
                var skills = string.IsNullOrWhiteSpace(q) ? SkillVocabulary.All : SkillVocabulary.Match(q);
                return TypedResults.Ok(skills.Select(s => new SkillEntry(s.Slug, s.Name(culture), s.En, s.Fr, s.Trade, s.Synonyms)).ToList());
            })
            .WithSummary("The shared skills vocabulary (q: names or synonyms, any language, accents or not).");
        community.MapGet("/members", async ([AsParameters] SearchDirectory.Query query, AppDb db, Access access, IStringLocalizer<SharedResource> l,
                HttpContext http, CancellationToken ct) =>
                (await SearchDirectory.HandleAsync(query, await access.GetAsync(ct), db, l, ct)).ToHttp(http))
            .Produces<SearchDirectory.Response>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("The members' directory as I may see it (q: skill, synonym, tag or name; trade, locationId, language, openToMissions, page, pageSize; or after: the next of the previous answer, to walk every result at the cost of the first page).");
        community.MapGet("/members/{id:guid}", async (Guid id, AppDb db, Access access, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
                (await MemberCardQuery.HandleAsync(id, await access.GetAsync(ct), db, l, ct)).ToHttp(http))
            .Produces<CommunityCard>().ProducesProblem(404).WithSummary("A member's card, with only the parts they opened to me.");
        community.MapGet("/today", async (Guid? locationId, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock,
                HttpContext http, CancellationToken ct) =>
                (await WhoIsIn.HandleAsync(locationId, await access.GetAsync(ct), db, l, clock, ct)).ToHttp(http))
            .Produces<WhoIsIn.Response>().ProducesProblem(404)
            .WithSummary("Who is in today at a location (default: mine), among members who share it; for its staff, its members and those there today.");
        community.MapGet("/suggestions", async (AppDb db, Access access, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
                (await Complementary.HandleAsync(await access.GetAsync(ct), db, l, ct)).ToHttp(http))
            .Produces<IReadOnlyList<CommunityCard>>().ProducesProblem(404)
            .WithSummary("Members complementary to me: they offer skills I seek.");
        api.MapQuestions();
        community.MapProjects();
        api.MapCommunityHealth();
        api.MapModeration();
    }

    /// GET /community/members/{id}/photo: the image, for the viewers the member's Photo choice reaches (cookie or token).
    public static WebApplication MapMemberPhotoFiles(this WebApplication app)
    {
        app.MapGet("/community/members/{id:guid}/photo", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                await MemberPhotos.ServeAsync(id, await access.GetAsync(ct), db, http, ct))
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    internal sealed record SkillEntry(string Slug, string Name, string En, string Fr, Trade Trade, IReadOnlyList<string> Synonyms);
}

/// A person's profile, skills and tags are deleted with their account.
internal sealed class CommunityErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["MemberProfiles", "MemberSkills", "MemberTags", "MemberPhotos", "CommunityDigests"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var db = context.Db;
        await db.MemberSkills.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.MemberTags.Where(t => t.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.MemberPhotos.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.CommunityDigests.Where(d => d.MemberId == memberId).ExecuteDeleteAsync(ct);
    }
}
