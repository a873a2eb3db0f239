using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects;

/// A project in a list: what it seeks, and whether it seeks skills the viewer offers.
internal sealed record ProjectSummary(
    Guid Id,
    ProjectKind Kind,
    string Title,
    ProjectScope Scope,
    ProjectStatus Status,
    DateOnly Deadline,
    Guid OwnerId,
    string OwnerName,
    string LocationName,
    IReadOnlyList<SkillRef> Skills,
    bool SeeksMySkills,
    int TeamSize);

/// A member around a project as the viewer may see them (the card follows the member's choices); Listed says
/// whether the viewer may open their card page.
internal sealed record ProjectPerson(CommunityCard Card, ProjectMemberState State, bool Listed, bool IsOwner, string? Note);

internal sealed record IntroductionView(Guid IntroducerId, string IntroducerName, Guid IntroducedId, string IntroducedName, DateTime At);

/// One project as the viewer may see it. People (interested, invited, introduced, declined) and Introductions are
/// the owner's only; CoveredSkills are the needed skills that the team shows to this viewer.
internal sealed record ProjectView(
    Guid Id,
    ProjectKind Kind,
    string Title,
    string Description,
    ProjectScope Scope,
    ProjectStatus Status,
    DateOnly Deadline,
    Guid OwnerId,
    string OwnerName,
    Guid LocationId,
    string LocationName,
    IReadOnlyList<SkillRef> Skills,
    IReadOnlyList<string> CoveredSkills,
    IReadOnlyList<ProjectPerson> Team,
    bool IsOwner,
    ProjectMemberState? MyState,
    string? IntroducedBy,
    IReadOnlyList<ProjectPerson>? People,
    IReadOnlyList<IntroductionView>? Introductions,
    DateTime? HiddenAt = null,
    string? HiddenReason = null);

/// The projects and partnerships board (ADR 28): the API and the pages call these. Who sees a project is its
/// scope (the owner's location, or the network); what is shown of each person follows their own choices.
internal static class ProjectBoard
{
    internal sealed record ListQuery(Trade? Trade, string? Skill, int? Page, int? PageSize);

    internal sealed record ListResponse(IReadOnlyList<ProjectSummary> Items, int Page, int PageSize, int TotalCount);

    /// Projects the viewer may see: network ones for any member or staff, location ones for that location's
    /// members and staff, and any project the viewer owns or is around.
    public static IQueryable<CommunityProject> VisibleTo(this AppDb db, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        var browse = viewer.CanBrowse;
        var me = viewer.MemberId ?? Guid.Empty;
        var around = db.ProjectMembers;
        var moderates = viewer.Moderates;
        var moderatesAll = viewer.ModeratesAll;
        // A hidden project (ADR 30) only for its owner and the staff who moderate its location.
        return db.CommunityProjects.AsNoTracking().Where(p =>
            ((browse && p.Scope == ProjectScope.Network) || all || here.Contains(p.LocationId)
                || p.OwnerMemberId == me || around.Any(m => m.ProjectId == p.Id && m.MemberId == me))
            && (p.HiddenAt == null || p.OwnerMemberId == me || moderatesAll || moderates.Contains(p.LocationId)));
    }

    public static async Task<Result<ListResponse>> ListAsync(ListQuery query, CommunityViewer viewer, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.CanBrowse)
        {
            return new NotFound("Project");
        }
        if (query.Skill is { Length: > 0 } skill && !SkillVocabulary.BySlug.ContainsKey(skill))
        {
            return new Invalid("skill", "Choose skills from the list.");
        }
        var today = ProjectInput.Today(clock);
        var projectSkills = db.ProjectSkills;
        var rows = db.VisibleTo(viewer).Where(p => p.Status == ProjectStatus.Open && p.Deadline >= today);
        if (query.Skill is { Length: > 0 } one)
        {
            rows = rows.Where(p => projectSkills.Any(s => s.ProjectId == p.Id && s.Skill == one));
        }
        if (query.Trade is { } trade)
        {
            var slugs = SkillVocabulary.All.Where(s => s.Trade == trade).Select(s => s.Slug).ToList();
            rows = rows.Where(p => projectSkills.Any(s => s.ProjectId == p.Id && slugs.Contains(s.Skill)));
        }
        var mine = await MySkillsAsync(viewer, db, ct);
        var request = PageRequest.Of(query.Page, query.PageSize);
        var total = await rows.CountAsync(ct);
        var page = await rows
            .OrderByDescending(p => projectSkills.Any(s => s.ProjectId == p.Id && mine.Contains(s.Skill)))
            .ThenByDescending(p => p.Id)
            .Skip(request.Offset).Take(request.PageSize).ToListAsync(ct);
        return new ListResponse(await SummariesAsync(page, mine, db, ct), request.Page, request.PageSize, total);
    }

    /// Open projects, visible to the member, needing skills they offer, newest first (for the weekly digest);
    /// their own projects and those they are already part of are left out. The digest passes the member's own
    /// viewer (as the member, not as any staff role of the same person).
    public static async Task<IReadOnlyList<ProjectSummary>> ProjectsSeeking(CommunityViewer viewer, AppDb db, TimeProvider clock, CancellationToken ct, int max = 10)
    {
        if (viewer.MemberId is not { } memberId)
        {
            return [];
        }
        var mine = await MySkillsAsync(viewer, db, ct);
        if (mine.Count == 0)
        {
            return [];
        }
        var today = ProjectInput.Today(clock);
        var projectSkills = db.ProjectSkills;
        var around = db.ProjectMembers;
        var page = await db.VisibleTo(viewer)
            .Where(p => p.Status == ProjectStatus.Open && p.Deadline >= today && p.OwnerMemberId != memberId
                && !around.Any(m => m.ProjectId == p.Id && m.MemberId == memberId && (m.State == ProjectMemberState.Accepted || m.State == ProjectMemberState.Declined))
                && projectSkills.Any(s => s.ProjectId == p.Id && mine.Contains(s.Skill)))
            .OrderByDescending(p => p.Id).Take(max).ToListAsync(ct);
        return await SummariesAsync(page, mine, db, ct);
    }

    public static async Task<Result<ProjectView>> GetAsync(Guid id, CommunityViewer viewer, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        if (!viewer.CanBrowse)
        {
            return new NotFound("Project");
        }
        var project = await db.VisibleTo(viewer).FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? new NotFound("Project") : await ViewAsync(project, viewer, db, l, ct);
    }

    public static async Task<Result<ProjectView>> CreateAsync(ProjectInput input, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.MemberId is not { } me || viewer.HomeLocationId is not { } home)
        {
            return new NotFound("Member");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        if (await db.CommunityProjects.CountAsync(p => p.OwnerMemberId == me && p.CreatedAt > since, ct) >= ProjectsPerDay)
        {
            return new Conflict("title", TooManyProjects);
        }
        var project = new CommunityProject(me, home, now);
        Apply(project, input);
        db.CommunityProjects.Add(project);
        db.ProjectSkills.AddRange(Slugs(input).Select(s => new ProjectSkill(project.Id, s)));
        db.ProjectMembers.Add(new ProjectMember(project.Id, me, ProjectMemberState.Accepted, now));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    public static async Task<Result<ProjectView>> UpdateAsync(Guid id, ProjectInput input, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct)
    {
        var found = await OwnedAsync(id, viewer, db, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        Apply(project, input);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var wanted = Slugs(input);
        var skills = await db.ProjectSkills.Where(s => s.ProjectId == id).ToListAsync(ct);
        db.ProjectSkills.RemoveRange(skills.Where(s => !wanted.Contains(s.Skill)));
        db.ProjectSkills.AddRange(wanted.Where(w => skills.All(s => s.Skill != w)).Select(w => new ProjectSkill(id, w)));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    public static async Task<Result<ProjectView>> CloseAsync(Guid id, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct)
    {
        var found = await OwnedAsync(id, viewer, db, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        project.Status = ProjectStatus.Closed;
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    /// A member says they are interested (with a note); the owner is told by email.
    public static async Task<Result<ProjectView>> InterestAsync(Guid id, InterestInput input, CommunityViewer viewer, AppDb db, IStringLocalizer l,
        Outbox outbox, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var found = await OpenAsync(id, viewer, db, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        var me = viewer.MemberId!.Value;
        if (project.OwnerMemberId == me)
        {
            return new Invalid("memberId", "You own this project.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == id && m.MemberId == me, ct);
        var already = row?.State == ProjectMemberState.Interested;
        switch (row?.State)
        {
            case ProjectMemberState.Accepted:
                return new Conflict("memberId", "You are already on the team.");
            case ProjectMemberState.Invited:
                return new Conflict("memberId", "You are invited: accept or decline the invitation.");
            case null:
                row = new ProjectMember(id, me, ProjectMemberState.Interested, now);
                db.ProjectMembers.Add(row);
                break;
            default:
                row.State = ProjectMemberState.Interested;
                row.UpdatedAt = now;
                break;
        }
        row.Note = (input.Note ?? "").Trim();
        if (!already)
        {
            // the owner is told once; saying it again only changes the note
            var name = await NameAsync(me, db, ct);
            await NotifyAsync(project.OwnerMemberId, db, outbox, (t, first) => ProjectEmails.Interested(t, first, name, project.Title, row.Note, links.Absolute($"/community/projects/{id}")), ct);
        }
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    /// The owner invites a member listed to them who may see the project; inviting a member who said they are
    /// interested takes them into the team.
    public static async Task<Result<ProjectView>> InviteAsync(Guid id, MemberChoice input, CommunityViewer viewer, AppDb db, IStringLocalizer l,
        Outbox outbox, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var found = await OwnedAsync(id, viewer, db, ct, open: true);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        var target = await ReachableAsync(project, input.MemberId, viewer, db, ct);
        if (!target.IsOk)
        {
            return target.Error;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == id && m.MemberId == target.Value, ct);
        if (row?.State == ProjectMemberState.Accepted)
        {
            return new Conflict("memberId", "This member is already on the team.");
        }
        if (row?.State == ProjectMemberState.Interested)
        {
            row.State = ProjectMemberState.Accepted;
            row.UpdatedAt = now;
        }
        else if (row?.State != ProjectMemberState.Invited) // invited already: one email, not one per click
        {
            if (row is null)
            {
                db.ProjectMembers.Add(new ProjectMember(id, target.Value, ProjectMemberState.Invited, now));
            }
            else
            {
                row.State = ProjectMemberState.Invited;
                row.UpdatedAt = now;
            }
            var owner = await NameAsync(viewer.MemberId!.Value, db, ct);
            await NotifyAsync(target.Value, db, outbox, (t, first) => ProjectEmails.Invited(t, first, owner, project.Title, links.Absolute($"/community/projects/{id}")), ct);
        }
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    /// An invited member accepts (no memberId, or their own); the owner accepts a member who said they are interested.
    public static async Task<Result<ProjectView>> AcceptAsync(Guid id, MemberChoice input, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct) =>
        await DecideAsync(id, input, accept: true, viewer, db, l, clock, ct);

    /// An invited, introduced or interested member declines (or leaves the team); the owner declines an interested
    /// member or takes a member off the team.
    public static async Task<Result<ProjectView>> DeclineAsync(Guid id, MemberChoice input, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct) =>
        await DecideAsync(id, input, accept: false, viewer, db, l, clock, ct);

    private static async Task<Result<ProjectView>> DecideAsync(Guid id, MemberChoice input, bool accept, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct)
    {
        var found = await OpenAsync(id, viewer, db, ct, tracked: false);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        var me = viewer.MemberId!.Value;
        var owner = project.OwnerMemberId == me;
        var who = input.MemberId ?? me;
        if (who != me && !owner)
        {
            return new Forbidden();
        }
        if (who == project.OwnerMemberId)
        {
            return new Invalid("memberId", "The owner is always on the team.");
        }
        var row = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == id && m.MemberId == who, ct);
        var allowed = (owner, accept) switch
        {
            (true, true) => row?.State == ProjectMemberState.Interested,
            (true, false) => row?.State is ProjectMemberState.Interested or ProjectMemberState.Accepted or ProjectMemberState.Invited,
            (false, true) => row?.State == ProjectMemberState.Invited,
            (false, false) => row is { State: not ProjectMemberState.Declined },
        };
        if (!allowed)
        {
            return new Invalid("memberId", owner
                ? "This member has not said they are interested."
                : "You have no invitation to this project.");
        }
        row!.State = accept ? ProjectMemberState.Accepted : ProjectMemberState.Declined;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, viewer, db, l, ct);
    }

    /// A member points the project to someone listed to them who may see it: the introduction is recorded (who,
    /// whom, when) and the person is told; from the owner it is an invitation.
    public static async Task<Result<ProjectView>> IntroduceAsync(Guid id, MemberChoice input, CommunityViewer viewer, AppDb db, IStringLocalizer l,
        Outbox outbox, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var found = await OpenAsync(id, viewer, db, ct, tracked: false);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var project = found.Value;
        var me = viewer.MemberId!.Value;
        var target = await ReachableAsync(project, input.MemberId, viewer, db, ct);
        if (!target.IsOk)
        {
            return target.Error;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == id && m.MemberId == target.Value, ct);
        if (row?.State == ProjectMemberState.Accepted)
        {
            return new Conflict("memberId", "This member is already on the team.");
        }
        if (await db.Introductions.AnyAsync(i => i.ProjectId == id && i.IntroducerMemberId == me && i.IntroducedMemberId == target.Value, ct))
        {
            return new Conflict("memberId", AlreadyIntroduced);
        }
        var fromOwner = project.OwnerMemberId == me;
        if (row is null)
        {
            db.ProjectMembers.Add(new ProjectMember(id, target.Value, fromOwner ? ProjectMemberState.Invited : ProjectMemberState.Introduced, now));
        }
        else if (row.State == ProjectMemberState.Declined || (fromOwner && row.State == ProjectMemberState.Introduced))
        {
            row.State = fromOwner ? ProjectMemberState.Invited : ProjectMemberState.Introduced;
            row.UpdatedAt = now;
        }
        db.Introductions.Add(new Introduction(id, me, target.Value, now));
        var introducer = await NameAsync(me, db, ct);
        await NotifyAsync(target.Value, db, outbox, (t, first) => ProjectEmails.Introduced(t, first, introducer, project.Title, links.Absolute($"/community/projects/{id}")), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            return new Conflict("memberId", AlreadyIntroduced); // the same introduction at the same moment: one row, one email
        }
        return await ViewAsync(project, viewer, db, l, ct);
    }

    /// Projects a member may propose per 24 hours: a board is read by everyone, and a flood of projects buries it.
    public const int ProjectsPerDay = 5;

    public const string TooManyProjects = "You have proposed many projects today: try again tomorrow.";

    public const string AlreadyIntroduced = "You have already pointed this project to this member.";

    private static void Apply(CommunityProject project, ProjectInput input)
    {
        project.Kind = input.Kind;
        project.Title = (input.Title ?? "").Trim();
        project.Description = (input.Description ?? "").Trim();
        project.Scope = input.Scope;
        project.Deadline = input.Deadline!.Value;
    }

    private static List<string> Slugs(ProjectInput input) => [.. input.Skills.Distinct(StringComparer.Ordinal)];

    private static async Task<Result<CommunityProject>> OwnedAsync(Guid id, CommunityViewer viewer, AppDb db, CancellationToken ct, bool open = false)
    {
        var found = await OpenAsync(id, viewer, db, ct, tracked: true, open: open);
        if (!found.IsOk)
        {
            return found.Error;
        }
        return found.Value.OwnerMemberId == viewer.MemberId ? found.Value : new Forbidden();
    }

    /// The project if the viewer (a member) may see it; open: refused when closed.
    private static async Task<Result<CommunityProject>> OpenAsync(Guid id, CommunityViewer viewer, AppDb db, CancellationToken ct, bool tracked = true, bool open = true)
    {
        if (viewer.MemberId is null || !await db.VisibleTo(viewer).AnyAsync(p => p.Id == id, ct))
        {
            return new NotFound("Project");
        }
        var project = await (tracked ? db.CommunityProjects : db.CommunityProjects.AsNoTracking()).FirstAsync(p => p.Id == id, ct);
        if (open && project.Status == ProjectStatus.Closed)
        {
            return new Conflict("status", "The project is closed.");
        }
        return project;
    }

    /// A member the viewer may point the project to: listed to the viewer, active, not the viewer, and able to see
    /// the project (at its location, for a location project).
    private static async Task<Result<Guid>> ReachableAsync(CommunityProject project, Guid? memberId, CommunityViewer viewer, AppDb db, CancellationToken ct)
    {
        if (memberId is not { } id || id == viewer.MemberId || id == project.OwnerMemberId)
        {
            return new Invalid("memberId", "Choose a member from the directory.");
        }
        var listed = await db.ListedFor(viewer).Where(x => x.Member.Id == id)
            .Select(x => new { x.Member.HomeLocationId }).FirstOrDefaultAsync(ct);
        if (listed is null || (project.Scope == ProjectScope.Location && listed.HomeLocationId != project.LocationId))
        {
            return new Invalid("memberId", "Choose a member from the directory.");
        }
        return id;
    }

    private static async Task<List<string>> MySkillsAsync(CommunityViewer viewer, AppDb db, CancellationToken ct) =>
        viewer.MemberId is { } me
            ? await db.MemberSkills.AsNoTracking().Where(s => s.MemberId == me && s.Use == SkillUse.Offers).Select(s => s.Skill).ToListAsync(ct)
            : [];

    private static async Task<string> NameAsync(Guid memberId, AppDb db, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.FirstName + " " + m.LastName).FirstAsync(ct);

    private static async Task NotifyAsync(Guid memberId, AppDb db, Outbox outbox, Func<IStringLocalizer, string, EmailContent> compose, CancellationToken ct)
    {
        var who = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.IsActive)
            .Select(m => new { m.Email, m.FirstName, m.UserId }).FirstOrDefaultAsync(ct);
        if (who is null || who.Email.Length == 0)
        {
            return;
        }
        var culture = who.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct)
            : null;
        outbox.Enqueue(who.Email, culture, t => compose(t, who.FirstName));
    }

    private static async Task<List<ProjectSummary>> SummariesAsync(List<CommunityProject> projects, List<string> mine, AppDb db, CancellationToken ct)
    {
        if (projects.Count == 0)
        {
            return [];
        }
        var culture = CultureInfo.CurrentUICulture;
        var ids = projects.Select(p => p.Id).ToList();
        var owners = projects.Select(p => p.OwnerMemberId).Distinct().ToList();
        var locations = projects.Select(p => p.LocationId).Distinct().ToList();
        var skills = await db.ProjectSkills.AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToListAsync(ct);
        var teams = await db.ProjectMembers.AsNoTracking().Where(m => ids.Contains(m.ProjectId) && m.State == ProjectMemberState.Accepted)
            .GroupBy(m => m.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await db.Members.AsNoTracking().Where(m => owners.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FirstName + " " + m.LastName, ct);
        var places = await db.Locations.AsNoTracking().Where(x => locations.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return [.. projects.Select(p =>
        {
            var needed = skills.Where(s => s.ProjectId == p.Id).Select(s => s.Skill).ToList();
            return new ProjectSummary(p.Id, p.Kind, p.Title, p.Scope, p.Status, p.Deadline, p.OwnerMemberId, names.GetValueOrDefault(p.OwnerMemberId, ""),
                places.GetValueOrDefault(p.LocationId, ""), Refs(needed, culture), needed.Any(mine.Contains), teams.GetValueOrDefault(p.Id));
        })];
    }

    private static List<SkillRef> Refs(IEnumerable<string> slugs, CultureInfo culture) =>
        [.. slugs.Where(SkillVocabulary.BySlug.ContainsKey).Select(s => SkillRef.Of(SkillVocabulary.BySlug[s], culture))
            .OrderBy(s => s.Name, StringComparer.Create(culture, true))];

    private static async Task<ProjectView> ViewAsync(CommunityProject project, CommunityViewer viewer, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var id = project.Id;
        var isOwner = project.OwnerMemberId == viewer.MemberId;
        var needed = await db.ProjectSkills.AsNoTracking().Where(s => s.ProjectId == id).Select(s => s.Skill).ToListAsync(ct);
        var rows = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var shown = rows.Where(r => isOwner || r.State == ProjectMemberState.Accepted).ToList();
        var ids = shown.Select(r => r.MemberId).ToList();
        var cards = (await CommunityCards.LoadAsync(ids, viewer, db, l, full: false, ct)).ToDictionary(c => c.Id);
        // A member who never made a privacy choice has no card: around a project they show their name and location only.
        var bare = ids.Where(i => !cards.ContainsKey(i)).ToList();
        if (bare.Count > 0)
        {
            var named = await (from m in db.Members.AsNoTracking().Where(m => bare.Contains(m.Id))
                               join loc in db.Locations.AsNoTracking() on m.HomeLocationId equals loc.Id
                               select new { m.Id, Name = m.FirstName + " " + m.LastName, m.HomeLocationId, LocationName = loc.Name }).ToListAsync(ct);
            foreach (var m in named)
            {
                cards[m.Id] = new CommunityCard(m.Id, m.Name, m.HomeLocationId, m.LocationName, null, [], [], [], null, null, [], null, null, null, null);
            }
        }
        var listed = await db.ListedFor(viewer).Where(x => ids.Contains(x.Member.Id)).Select(x => x.Member.Id).ToListAsync(ct);
        ProjectPerson Person(ProjectMember r) => new(cards[r.MemberId], r.State, listed.Contains(r.MemberId), r.MemberId == project.OwnerMemberId,
            isOwner || r.MemberId == viewer.MemberId ? (r.Note.Length > 0 ? r.Note : null) : null);
        var team = shown.Where(r => r.State == ProjectMemberState.Accepted && cards.ContainsKey(r.MemberId))
            .OrderByDescending(r => r.MemberId == project.OwnerMemberId).Select(Person).ToList();
        var covered = needed.Where(s => team.Any(t => t.Card.Skills.Any(k => k.Slug == s))).Order(StringComparer.Ordinal).ToList();
        var mine = rows.FirstOrDefault(r => r.MemberId == viewer.MemberId);
        string? introducedBy = null;
        if (mine is { State: ProjectMemberState.Introduced or ProjectMemberState.Invited })
        {
            var me = mine.MemberId;
            introducedBy = await db.Introductions.AsNoTracking().Where(i => i.ProjectId == id && i.IntroducedMemberId == me)
                .OrderByDescending(i => i.CreatedAt).Join(db.Members, i => i.IntroducerMemberId, m => m.Id, (i, m) => m.FirstName + " " + m.LastName)
                .FirstOrDefaultAsync(ct);
        }
        List<IntroductionView>? introductions = null;
        if (isOwner)
        {
            introductions = await (
                from i in db.Introductions.AsNoTracking().Where(i => i.ProjectId == id)
                join a in db.Members on i.IntroducerMemberId equals a.Id
                join b in db.Members on i.IntroducedMemberId equals b.Id
                orderby i.CreatedAt
                select new IntroductionView(a.Id, a.FirstName + " " + a.LastName, b.Id, b.FirstName + " " + b.LastName, i.CreatedAt)).ToListAsync(ct);
        }
        var owner = await db.Members.AsNoTracking().Where(m => m.Id == project.OwnerMemberId).Select(m => m.FirstName + " " + m.LastName).FirstAsync(ct);
        var location = await db.Locations.AsNoTracking().Where(x => x.Id == project.LocationId).Select(x => x.Name).FirstAsync(ct);
        return new ProjectView(id, project.Kind, project.Title, project.Description, project.Scope, project.Status, project.Deadline,
            project.OwnerMemberId, owner, project.LocationId, location, Refs(needed, culture), covered, team, isOwner, mine?.State, introducedBy,
            isOwner ? [.. shown.Where(r => r.State != ProjectMemberState.Accepted && cards.ContainsKey(r.MemberId)).Select(Person)] : null,
            introductions, project.HiddenAt, project.HiddenReason);
    }
}
