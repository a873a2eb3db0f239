using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community;

/// Who is looking at the community, and where "my location" reaches for them: a member is at their home location;
/// staff are at the locations they work at; network admins at every location (AllHere).
internal sealed record CommunityViewer(Guid? MemberId, Guid? HomeLocationId, IReadOnlyList<Guid> Here, bool AllHere, AccessScope Scope)
{
    public bool IsStaff => Scope.IsStaff;

    public bool CanBrowse => MemberId is not null || Scope.IsStaff;

    public bool IsHere(Guid locationId) => AllHere || Here.Contains(locationId);

    /// A member as a member only, whatever staff role the same person holds (the weekly digest's reader).
    public static CommunityViewer MemberOnly(Guid memberId, Guid? userId, Guid homeLocationId) =>
        new(memberId, homeLocationId, [homeLocationId], false, new AccessScope(userId, false, new HashSet<Guid>(), new HashSet<Guid>(), memberId, null));

    /// <see cref="MemberOnly(Guid, Guid?, Guid)"/> for a member read from the database (tests, tools).
    public static async Task<CommunityViewer> MemberOnlyAsync(Guid memberId, AppDb db, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.UserId, m.HomeLocationId }).SingleAsync(ct);
        return MemberOnly(memberId, member.UserId, member.HomeLocationId);
    }

    /// Managers of a post's location and network admins moderate it, and see it when hidden (ADR 30).
    public bool CanModerate(Guid locationId) => Scope.CanManage(locationId);

    /// For SQL filters: the locations whose hidden posts this viewer sees (all of them: ModeratesAll).
    public List<Guid> Moderates => [.. Scope.ManagedLocations];

    public bool ModeratesAll => Scope.IsNetworkAdmin;

    public static async Task<CommunityViewer> LoadAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        Guid? home = scope.MemberId is { } memberId
            ? await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => (Guid?)m.HomeLocationId).FirstOrDefaultAsync(ct)
            : null;
        var here = scope.StaffLocations.ToList();
        if (home is { } h && !here.Contains(h))
        {
            here.Add(h);
        }
        return new CommunityViewer(scope.MemberId, home, here, scope.IsNetworkAdmin, scope);
    }
}

/// A member as the community sees them, with their privacy choices, for queries that filter on what a viewer may see.
internal sealed class Listed
{
    public required Member Member { get; init; }

    public required MemberPrivacy Privacy { get; init; }
}

internal static class CommunityQueries
{
    /// Active members listed in the directory for this viewer.
    public static IQueryable<Listed> ListedFor(this AppDb db, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        return from m in db.Members.AsNoTracking()
               join p in db.MemberPrivacy.AsNoTracking() on m.Id equals p.MemberId
               where m.IsActive
                     && (p.Listing == Audience.Network || (p.Listing == Audience.Location && (all || here.Contains(m.HomeLocationId))))
               select new Listed { Member = m, Privacy = p };
    }

    /// Those whose skills the viewer may see (for searches and matches by skill).
    public static IQueryable<Listed> SkillsVisible(this IQueryable<Listed> listed, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        return listed.Where(x => (x.Privacy.Listing == Audience.Network && x.Privacy.Skills == Audience.Network)
            || (x.Privacy.Skills != Audience.Nobody && (all || here.Contains(x.Member.HomeLocationId))));
    }

    /// Those whose presentation (headline, bio, languages, links) the viewer may see.
    public static IQueryable<Listed> PresentationVisible(this IQueryable<Listed> listed, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        return listed.Where(x => (x.Privacy.Listing == Audience.Network && x.Privacy.Presentation == Audience.Network)
            || (x.Privacy.Presentation != Audience.Nobody && (all || here.Contains(x.Member.HomeLocationId))));
    }
}
