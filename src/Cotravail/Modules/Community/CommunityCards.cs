using System.Globalization;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

internal sealed record SkillRef(string Slug, string Name, Trade Trade)
{
    public static SkillRef Of(Skill skill, CultureInfo culture) => new(skill.Slug, skill.Name(culture), skill.Trade);
}

/// A member as one viewer may see them: a part the member did not open to this viewer is null (or empty), never
/// filled from another source. Bio, Offers, Seeks and Links are only filled for the member's own page.
internal sealed record CommunityCard(
    Guid Id,
    string Name,
    Guid LocationId,
    string LocationName,
    string? Headline,
    IReadOnlyList<SkillRef> Skills,
    IReadOnlyList<SkillRef> SeekingSkills,
    IReadOnlyList<string> Tags,
    bool? OpenToMissions,
    bool? OpenToPartnerships,
    IReadOnlyList<string> Languages,
    string? Company,
    string? Category,
    string? Email,
    string? Phone,
    string? Bio = null,
    string? Offers = null,
    string? Seeks = null,
    IReadOnlyList<string>? Links = null,
    string? PhotoUrl = null);

/// Builds cards for a page of members in three queries (members with their choices, skills, tags).
internal static class CommunityCards
{
    public static async Task<IReadOnlyList<CommunityCard>> LoadAsync(IReadOnlyList<Guid> ids, CommunityViewer viewer, AppDb db,
        IStringLocalizer l, bool full, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var culture = CultureInfo.CurrentUICulture;
        var list = ids.ToList();
        var rows = await (
            from m in db.Members.AsNoTracking().Where(m => list.Contains(m.Id))
            join p in db.MemberPrivacy.AsNoTracking() on m.Id equals p.MemberId
            join loc in db.Locations.AsNoTracking() on m.HomeLocationId equals loc.Id
            join pr in db.MemberProfiles.AsNoTracking() on m.Id equals pr.MemberId into profiles
            from pr in profiles.DefaultIfEmpty()
            join c in db.Companies.AsNoTracking() on m.CompanyId equals (Guid?)c.Id into companies
            from c in companies.DefaultIfEmpty()
            select new { Member = m, Privacy = p, LocationName = loc.Name, Profile = pr, Company = c == null ? null : c.LegalName })
            .ToListAsync(ct);
        var skillsShown = rows.Where(r => Sees(r.Privacy.Skills, r.Privacy, r.Member, viewer)).Select(r => r.Member.Id).ToList();
        var skills = skillsShown.Count == 0 ? [] : await db.MemberSkills.AsNoTracking().Where(s => skillsShown.Contains(s.MemberId)).ToListAsync(ct);
        var tags = skillsShown.Count == 0 ? [] : await db.MemberTags.AsNoTracking().Where(t => skillsShown.Contains(t.MemberId)).ToListAsync(ct);
        var photoShown = rows.Where(r => Sees(r.Privacy.Photo, r.Privacy, r.Member, viewer)).Select(r => r.Member.Id).ToList();
        var photos = photoShown.Count == 0 ? [] : await db.MemberPhotos.AsNoTracking().Where(p => photoShown.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Id }).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Member.Id);
        var cards = new List<CommunityCard>(ids.Count);
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var r))
            {
                continue;
            }
            var m = r.Member;
            var p = r.Privacy;
            var presentation = Sees(p.Presentation, p, m, viewer) && r.Profile is not null;
            var skillsOn = Sees(p.Skills, p, m, viewer);
            var profile = r.Profile;
            cards.Add(new CommunityCard(
                m.Id,
                m.FullName,
                m.HomeLocationId,
                r.LocationName,
                presentation && profile!.Headline.Length > 0 ? profile.Headline : null,
                skillsOn ? Skills(skills, m.Id, SkillUse.Offers, culture) : [],
                skillsOn ? Skills(skills, m.Id, SkillUse.Seeks, culture) : [],
                skillsOn ? [.. tags.Where(t => t.MemberId == m.Id).Select(t => t.Text).Order(StringComparer.CurrentCulture)] : [],
                skillsOn ? profile?.OpenToMissions ?? false : null,
                skillsOn ? profile?.OpenToPartnerships ?? false : null,
                presentation ? [.. profile!.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : [],
                Sees(p.Company, p, m, viewer) ? r.Company : null,
                Sees(p.Category, p, m, viewer) ? l[MemberText.Of(m.Category)].Value : null,
                Sees(p.Email, p, m, viewer) ? m.Email : null,
                Sees(p.Phone, p, m, viewer) ? m.Phone : null,
                full && presentation && profile!.Bio.Length > 0 ? profile.Bio : null,
                full && skillsOn && profile is { Offers.Length: > 0 } ? profile.Offers : null,
                full && skillsOn && profile is { Seeks.Length: > 0 } ? profile.Seeks : null,
                full && presentation ? [.. profile!.Links.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : null,
                photos.FirstOrDefault(p => p.MemberId == m.Id) is { } photo ? MemberPhotos.UrlOf(m.Id, photo.Id) : null));
        }
        return cards;
    }

    private static bool Sees(Audience part, MemberPrivacy privacy, Member member, CommunityViewer viewer) =>
        member.Id == viewer.MemberId || Audiences.Sees(part, privacy.Listing, viewer.IsHere(member.HomeLocationId));

    private static List<SkillRef> Skills(List<MemberSkill> skills, Guid memberId, SkillUse use, CultureInfo culture) =>
        [.. skills.Where(s => s.MemberId == memberId && s.Use == use && SkillVocabulary.BySlug.ContainsKey(s.Skill))
            .Select(s => SkillRef.Of(SkillVocabulary.BySlug[s.Skill], culture))
            .OrderBy(s => s.Name, StringComparer.Create(culture, true))];
}
