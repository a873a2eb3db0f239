using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community;

/// GET/PUT /api/v1/me/community-profile and /community/profile: a member reads and writes their own profile.
/// Who sees it is decided on /me/privacy (presentation and skills), never here.
internal static class EditProfile
{
    public static async Task<Result<ProfileInput>> GetAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var profile = await db.MemberProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        var skills = await db.MemberSkills.AsNoTracking().Where(s => s.MemberId == memberId).ToListAsync(ct);
        var tags = await db.MemberTags.AsNoTracking().Where(t => t.MemberId == memberId).OrderBy(t => t.Key).Select(t => t.Text).ToListAsync(ct);
        return new ProfileInput
        {
            Headline = profile?.Headline ?? "",
            Bio = profile?.Bio ?? "",
            Offers = profile?.Offers ?? "",
            Seeks = profile?.Seeks ?? "",
            OpenToMissions = profile?.OpenToMissions ?? false,
            OpenToPartnerships = profile?.OpenToPartnerships ?? false,
            Skills = Ordered(skills, SkillUse.Offers),
            SeekingSkills = Ordered(skills, SkillUse.Seeks),
            Tags = tags,
            Languages = [.. (profile?.Languages ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            Links = [.. (profile?.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)],
            WeeklyDigest = profile?.WeeklyDigest ?? false,
        };
    }

    public static async Task<Result<ProfileInput>> SaveAsync(ProfileInput input, AccessScope scope, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        // One write: the lists are replaced whole, or nothing changes.
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await WriteAsync(input, memberId, db, clock, ct);
            await tx.CommitAsync(ct);
        }
        return await GetAsync(scope, db, ct);
    }

    private static async Task WriteAsync(ProfileInput input, Guid memberId, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.MemberProfiles.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        if (profile is null)
        {
            profile = new MemberProfile(memberId);
            db.MemberProfiles.Add(profile);
        }
        profile.Headline = (input.Headline ?? "").Trim();
        profile.Bio = (input.Bio ?? "").Trim();
        profile.Offers = (input.Offers ?? "").Trim();
        profile.Seeks = (input.Seeks ?? "").Trim();
        profile.OpenToMissions = input.OpenToMissions;
        profile.OpenToPartnerships = input.OpenToPartnerships;
        profile.Languages = string.Join(' ', input.Languages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        profile.Links = string.Join('\n', input.Links.Select(l => l.Trim()).Distinct(StringComparer.Ordinal));
        profile.WeeklyDigest = input.WeeklyDigest;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        await db.MemberSkills.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);
        await db.MemberTags.Where(t => t.MemberId == memberId).ExecuteDeleteAsync(ct);
        db.MemberSkills.AddRange(input.Skills.Distinct(StringComparer.Ordinal).Select(s => new MemberSkill(memberId, s, SkillUse.Offers)));
        db.MemberSkills.AddRange(input.SeekingSkills.Distinct(StringComparer.Ordinal).Select(s => new MemberSkill(memberId, s, SkillUse.Seeks)));
        db.MemberTags.AddRange(input.Tags.Select(t => t.Trim()).DistinctBy(SkillVocabulary.Fold).Select(t => new MemberTag(memberId, t)));
        await db.SaveChangesAsync(ct);
    }

    private static List<string> Ordered(List<MemberSkill> skills, SkillUse use) =>
        [.. skills.Where(s => s.Use == use).Select(s => s.Skill).OrderBy(s => s, StringComparer.Ordinal)];
}
