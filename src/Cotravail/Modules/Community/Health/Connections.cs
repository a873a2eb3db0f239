using Cotravail.Common.Database;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Health;

/// How a pair of members first met through the community (ADR 29).
internal enum ConnectionKind
{
    Answer = 0,
    Introduction = 1,
    Team = 2,
}

/// Who met whom through the community (ADR 29): the links between two members, and the first one of each pair.
internal static class Connections
{
    internal sealed record Link(Guid A, Guid B, Guid LocationId, DateTime At, ConnectionKind Kind);

    /// Every pair of members once, with the first time they were linked, where and how (the earliest link wins;
    /// a pair is counted network-wide once, at the location of its first link).
    public static IEnumerable<Link> First(IEnumerable<Link> links)
    {
        var first = new Dictionary<(Guid, Guid), Link>();
        foreach (var link in links)
        {
            var key = link.A.CompareTo(link.B) < 0 ? (link.A, link.B) : (link.B, link.A);
            if (!first.TryGetValue(key, out var known) || link.At < known.At || (link.At == known.At && link.Kind < known.Kind))
            {
                first[key] = link;
            }
        }
        return first.Values;
    }

    /// Three grouped queries, one row per linked pair (as stored), location and kind, with its first time. What staff
    /// hid (an answer, a question with its thread, a project with its team and introductions) links nobody.
    public static async Task<List<Link>> LinksAsync(AppDb db, CancellationToken ct)
    {
        var answers = await (
                from a in db.Set<CommunityAnswer>()
                join q in db.Set<CommunityQuestion>() on a.QuestionId equals q.Id
                where a.AuthorId != q.AuthorId && a.HiddenAt == null && q.HiddenAt == null
                group a by new { A = a.AuthorId, B = q.AuthorId, q.LocationId } into g
                select new { g.Key.A, g.Key.B, g.Key.LocationId, At = g.Min(x => x.CreatedAt) })
            .ToListAsync(ct);
        var introductions = await (
                from i in db.Set<Introduction>()
                join p in db.Set<CommunityProject>() on i.ProjectId equals p.Id
                where i.IntroducerMemberId != i.IntroducedMemberId && p.HiddenAt == null
                group i by new { A = i.IntroducerMemberId, B = i.IntroducedMemberId, p.LocationId } into g
                select new { g.Key.A, g.Key.B, g.Key.LocationId, At = g.Min(x => x.CreatedAt) })
            .ToListAsync(ct);
        // Two members of one team are linked since the later of them was accepted.
        var teams = await (
                from a in db.Set<ProjectMember>()
                join b in db.Set<ProjectMember>() on a.ProjectId equals b.ProjectId
                join p in db.Set<CommunityProject>() on a.ProjectId equals p.Id
                where a.State == ProjectMemberState.Accepted && b.State == ProjectMemberState.Accepted && a.MemberId != b.MemberId && p.HiddenAt == null
                group new { A = a.UpdatedAt, B = b.UpdatedAt } by new { A = a.MemberId, B = b.MemberId, p.LocationId } into g
                select new { g.Key.A, g.Key.B, g.Key.LocationId, At = g.Min(x => x.A > x.B ? x.A : x.B) })
            .ToListAsync(ct);
        return [
            .. answers.Select(x => new Link(x.A, x.B, x.LocationId, x.At, ConnectionKind.Answer)),
            .. introductions.Select(x => new Link(x.A, x.B, x.LocationId, x.At, ConnectionKind.Introduction)),
            .. teams.Select(x => new Link(x.A, x.B, x.LocationId, x.At, ConnectionKind.Team)),
        ];
    }
}
