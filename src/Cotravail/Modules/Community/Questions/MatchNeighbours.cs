using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Questions;

/// Who is asked a question (ADR 27): active members offering one of its skills, whose skills the asker may see
/// (CommunityQueries.SkillsVisible: a member whose skills are "Nobody" is never matched), at the asker's location
/// only for a "my location" question, who muted none of its topics. In today at the location first (a confirmed
/// desk or room booking today, for those who share their presence), then members of the location, then the
/// network; newest first within each; at most Cap. Each group is read newest first and stops at Cap, so the cost
/// does not grow with the number of members who match.
internal static class MatchNeighbours
{
    public const int Cap = 50;

    internal sealed record Match(Guid MemberId, bool InToday, bool AtLocation);

    /// The topics a question touches, as mutes name them: its skills and their trades.
    public static List<string> Topics(IEnumerable<string> skills) =>
        [.. skills.Concat(skills.Where(SkillVocabulary.BySlug.ContainsKey).Select(s => MutesInput.TradePrefix + SkillVocabulary.BySlug[s].Trade)).Distinct()];

    public static async Task<IReadOnlyList<Match>> RunAsync(CommunityQuestion question, IReadOnlyList<string> skills, CommunityViewer asker,
        AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var slugs = skills.ToList();
        var topics = Topics(skills);
        var locationId = question.LocationId;
        var today = await TodayAtAsync(locationId, db, clock, ct);
        var offering = db.MemberSkills.Where(s => s.Use == SkillUse.Offers && slugs.Contains(s.Skill)).Select(s => s.MemberId);
        var mutes = db.CommunityMutes;
        var rows = db.ListedFor(asker).SkillsVisible(asker)
            .Where(x => x.Member.Id != question.AuthorId && offering.Contains(x.Member.Id)
                && !mutes.Any(m => m.MemberId == x.Member.Id && topics.Contains(m.Topic)));
        if (question.Scope == QuestionScope.Location)
        {
            rows = rows.Where(x => x.Member.HomeLocationId == locationId);
        }
        // Three short queries, each newest first and stopped at Cap, rather than one that ranks every match:
        // in today at the location, then the location's members, then the rest of the network.
        var inToday = await rows.Where(x => x.Privacy.SharePresence && today.Contains(x.Member.Id))
            .Select(x => new { x.Member.Id, x.Member.HomeLocationId }).OrderByDescending(x => x.Id).Take(Cap).ToListAsync(ct);
        var matches = inToday.Select(x => new Match(x.Id, true, x.HomeLocationId == locationId))
            .OrderByDescending(m => m.AtLocation).ThenByDescending(m => m.MemberId).ToList();
        var seen = matches.Select(m => m.MemberId).ToHashSet();
        if (matches.Count < Cap)
        {
            var here = await rows.Where(x => x.Member.HomeLocationId == locationId).Select(x => x.Member.Id)
                .OrderByDescending(id => id).Take(Cap + seen.Count).ToListAsync(ct);
            matches.AddRange(here.Where(seen.Add).Select(id => new Match(id, false, true)));
        }
        if (matches.Count < Cap && question.Scope == QuestionScope.Network)
        {
            var elsewhere = await rows.Where(x => x.Member.HomeLocationId != locationId).Select(x => x.Member.Id)
                .OrderByDescending(id => id).Take(Cap + seen.Count).ToListAsync(ct);
            matches.AddRange(elsewhere.Where(seen.Add).Select(id => new Match(id, false, false)));
        }
        return [.. matches.Take(Cap)];
    }

    /// Members with a confirmed desk or room booking today at the location (its own time zone), as WhoIsIn reads them.
    public static async Task<IQueryable<Guid>> TodayAtAsync(Guid locationId, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var zoneId = await db.Locations.AsNoTracking().Where(l => l.Id == locationId).Select(l => l.TimeZone).FirstOrDefaultAsync(ct) ?? "Europe/Paris";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateOnly.FromDateTime(WallClock.ToLocal(clock.GetUtcNow().UtcDateTime, zone));
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        return from b in db.Bookings.AsNoTracking()
               join r in db.Resources.AsNoTracking() on b.ResourceId equals r.Id
               where b.LocationId == locationId && b.Status == BookingStatus.Confirmed && b.MemberId != null
                     && b.Start < dayEnd && b.End > dayStart && r.Kind != ResourceKind.Equipment
               select b.MemberId!.Value;
    }
}
