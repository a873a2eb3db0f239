using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Health;

/// One ISO week (Monday to Sunday, local time): new connections by kind, questions asked and first answered.
internal sealed record HealthWeek(DateOnly WeekOf, int Connections, int Answers, int Introductions, int Teams, int QuestionsAsked, int QuestionsAnswered);

/// GET /api/v1/admin/community/health and /admin/community: aggregates only, no member is ever named.
/// LocationId null: every location the caller works at (the network for admins). Weeks: oldest first, the
/// current week last (still running). Members, ActiveMembers and MetNobody are about active members whose home
/// location is in scope, over the last 30 days.
internal sealed record CommunityHealthResponse(
    Guid? LocationId,
    DateTime At,
    string TimeZone,
    int ConnectionsThisWeek,
    int ConnectionsInPeriod,
    int QuestionsAsked,
    int QuestionsAnswered,
    double? MedianHoursToFirstAnswer,
    int Members,
    int ActiveMembers,
    int MetNobody,
    IReadOnlyList<HealthWeek> Weeks);

/// The community's health for operators (ADR 29): a handful of aggregate queries, the weeks and the median
/// worked out in memory over bounded sets (one row per linked pair of members, per question of the period).
internal sealed class CommunityHealth(AppDb db, TimeProvider clock)
{
    public const int DefaultWeeks = 12;
    public const int MinWeeks = 4;
    public const int MaxWeeks = 26;
    public const int RecentDays = 30;
    public const string WeeksOutOfRange = "Choose from 4 to 26 weeks.";

    private sealed record Place(Guid Id, string Name, string TimeZone);

    public async Task<Result<CommunityHealthResponse>> HandleAsync(Guid? locationId, int? weeks, AccessScope scope, CancellationToken ct)
    {
        if (weeks is { } w && (w < MinWeeks || w > MaxWeeks))
        {
            return new Invalid("weeks", WeeksOutOfRange);
        }
        var places = await ScopeAsync(locationId, scope, ct);
        return places.IsOk ? await FiguresAsync(locationId, places.Value, weeks ?? DefaultWeeks, ct) : places.Error;
    }

    /// The one location asked for (when the caller works there), else every location the caller sees.
    private async Task<Result<IReadOnlyList<Place>>> ScopeAsync(Guid? locationId, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsStaff)
        {
            return new Forbidden();
        }
        var visible = db.Locations.VisibleTo(scope).AsNoTracking();
        if (locationId is { } id)
        {
            visible = visible.Where(l => l.Id == id);
        }
        var places = await visible.OrderBy(l => l.Name).Select(l => new Place(l.Id, l.Name, l.TimeZone)).ToListAsync(ct);
        return locationId is not null && places.Count == 0 ? new NotFound("Location") : places;
    }

    /// The weeks' zone: the location's, or the one most locations in scope share (ties: the first by name).
    private static string ZoneOf(IReadOnlyList<Place> places) =>
        places.Count == 0 ? "Europe/Paris" : places.GroupBy(p => p.TimeZone).OrderByDescending(g => g.Count()).First().Key;

    private async Task<CommunityHealthResponse> FiguresAsync(Guid? locationId, IReadOnlyList<Place> places, int weekCount, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zoneId = ZoneOf(places);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var firstMonday = Weeks.MondayOf(today).AddDays(-7 * (weekCount - 1));
        var start = TimeZoneInfo.ConvertTimeToUtc(firstMonday.ToDateTime(TimeOnly.MinValue), zone);
        int? WeekOf(DateTime at)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone));
            var index = (day.DayNumber - firstMonday.DayNumber) / 7;
            return at <= now && day >= firstMonday && index < weekCount ? index : null;
        }

        var ids = places.Select(p => p.Id).ToList();
        var weeks = Enumerable.Range(0, weekCount).Select(i => new int[5]).ToArray(); // answers, introductions, teams, asked, answered
        var connections = Connections.First(await Connections.LinksAsync(db, ct)).Where(l => ids.Contains(l.LocationId)).ToList();
        foreach (var link in connections)
        {
            if (WeekOf(link.At) is { } i)
            {
                weeks[i][(int)link.Kind]++;
            }
        }

        var questions = await QuestionsAsync(ids, start, ct);
        var hours = new List<double>();
        foreach (var question in questions)
        {
            if (WeekOf(question.CreatedAt) is { } asked)
            {
                weeks[asked][3]++;
                if (question.FirstAnswer is { } first)
                {
                    hours.Add((first - question.CreatedAt).TotalHours);
                }
            }
            if (question.FirstAnswer is { } at && WeekOf(at) is { } answered)
            {
                weeks[answered][4]++;
            }
        }

        var (members, active, linked) = await MembersAsync(ids, now.AddDays(-RecentDays), ct);
        var rows = weeks.Select((c, i) => new HealthWeek(firstMonday.AddDays(7 * i), c[0] + c[1] + c[2], c[0], c[1], c[2], c[3], c[4])).ToList();
        return new CommunityHealthResponse(locationId, now, zoneId, rows[^1].Connections, rows.Sum(r => r.Connections),
            rows.Sum(r => r.QuestionsAsked), rows.Sum(r => r.QuestionsAnswered), Median(hours), members, active, members - linked, rows);
    }

    /// The middle of the times to a first answer, in hours to one decimal; null when no question of the period was answered.
    public static double? Median(IReadOnlyCollection<double> hours)
    {
        if (hours.Count == 0)
        {
            return null;
        }
        var sorted = hours.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record AskedQuestion(DateTime CreatedAt, DateTime? FirstAnswer);

    /// The questions asked in the period, and older ones first answered in it; a first answer is someone else's.
    /// Hidden questions and answers are left out, as they are of the connections.
    private async Task<List<AskedQuestion>> QuestionsAsync(List<Guid> ids, DateTime start, CancellationToken ct) =>
        await db.Set<CommunityQuestion>().AsNoTracking()
            .Where(q => ids.Contains(q.LocationId) && q.HiddenAt == null)
            .Select(q => new
            {
                q.CreatedAt,
                First = db.Set<CommunityAnswer>().Where(a => a.QuestionId == q.Id && a.AuthorId != q.AuthorId && a.HiddenAt == null).Min(a => (DateTime?)a.CreatedAt),
            })
            .Where(q => q.CreatedAt >= start || q.First >= start)
            .Select(q => new AskedQuestion(q.CreatedAt, q.First))
            .ToListAsync(ct);

    /// Active members at home in scope; those who took part in the community since `since`; those linked to someone since.
    private async Task<(int Members, int Active, int Linked)> MembersAsync(List<Guid> ids, DateTime since, CancellationToken ct)
    {
        var members = db.Set<Member>().Where(m => m.IsActive && ids.Contains(m.HomeLocationId));
        var total = await members.CountAsync(ct);
        var active = await members.CountAsync(m =>
            db.Set<CommunityQuestion>().Any(q => q.AuthorId == m.Id && q.CreatedAt >= since)
            || db.Set<CommunityAnswer>().Any(a => a.AuthorId == m.Id && a.CreatedAt >= since)
            || db.Set<CommunityThanks>().Any(t => t.MemberId == m.Id && t.CreatedAt >= since)
            || db.Set<CommunityProject>().Any(p => p.OwnerMemberId == m.Id && p.CreatedAt >= since)
            || db.Set<ProjectMember>().Any(p => p.MemberId == m.Id && p.UpdatedAt >= since
                && (p.State == ProjectMemberState.Accepted || p.State == ProjectMemberState.Interested))
            || db.Set<Introduction>().Any(i => (i.IntroducerMemberId == m.Id || i.IntroducedMemberId == m.Id) && i.CreatedAt >= since), ct);
        var linked = await members.CountAsync(m =>
            db.Set<CommunityAnswer>().Any(a => a.AuthorId == m.Id && a.CreatedAt >= since && a.HiddenAt == null
                && db.Set<CommunityQuestion>().Any(q => q.Id == a.QuestionId && q.AuthorId != m.Id && q.HiddenAt == null))
            || db.Set<CommunityQuestion>().Any(q => q.AuthorId == m.Id && q.HiddenAt == null
                && db.Set<CommunityAnswer>().Any(a => a.QuestionId == q.Id && a.AuthorId != m.Id && a.CreatedAt >= since && a.HiddenAt == null))
            || db.Set<Introduction>().Any(i => i.IntroducerMemberId != i.IntroducedMemberId
                && (i.IntroducerMemberId == m.Id || i.IntroducedMemberId == m.Id) && i.CreatedAt >= since
                && db.Set<CommunityProject>().Any(p => p.Id == i.ProjectId && p.HiddenAt == null))
            || db.Set<ProjectMember>().Any(a => a.MemberId == m.Id && a.State == ProjectMemberState.Accepted
                && db.Set<CommunityProject>().Any(p => p.Id == a.ProjectId && p.HiddenAt == null)
                && db.Set<ProjectMember>().Any(b => b.ProjectId == a.ProjectId && b.MemberId != m.Id && b.State == ProjectMemberState.Accepted
                    && (a.UpdatedAt >= since || b.UpdatedAt >= since))), ct);
        return (total, active, linked);
    }
}
