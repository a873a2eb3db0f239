using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects.Pages;

/// /community/projects/{id}: a project, its team, and what the viewer may do (interest, invitations, introductions,
/// the owner's decisions), through the same handlers as the API.
internal sealed class ProjectModel(AppDb db, Access access, TimeProvider clock, Outbox outbox, SiteLinks links, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int CandidateCount = 12;

    [FromRoute]
    public Guid Id { get; set; }

    /// Finding a member to invite or introduce: a skill, tag or name, as in the directory.
    [FromQuery]
    public string? Find { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ProjectView View { get; private set; } = null!;

    public IReadOnlyList<CommunityCard> Candidates { get; private set; } = [];

    public bool IsMember { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public Task<IActionResult> OnPostInterestAsync(CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.InterestAsync(Id, new InterestInput { Note = Note }, viewer, db, l, outbox, links, clock, ct),
            "Your interest is sent to the owner.", ct, new InterestInput { Note = Note });

    public Task<IActionResult> OnPostInviteAsync(Guid? memberId, CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.InviteAsync(Id, new MemberChoice { MemberId = memberId }, viewer, db, l, outbox, links, clock, ct), "The invitation is sent.", ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid? memberId, CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.AcceptAsync(Id, new MemberChoice { MemberId = memberId }, viewer, db, l, clock, ct), "Welcome to the team.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid? memberId, CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.DeclineAsync(Id, new MemberChoice { MemberId = memberId }, viewer, db, l, clock, ct), "Done.", ct);

    public Task<IActionResult> OnPostIntroduceAsync(Guid? memberId, CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.IntroduceAsync(Id, new MemberChoice { MemberId = memberId }, viewer, db, l, outbox, links, clock, ct), "The introduction is sent.", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        ActAsync((viewer, ct) => ProjectBoard.CloseAsync(Id, viewer, db, l, clock, ct), "The project is closed.", ct);

    private async Task<IActionResult> ActAsync(Func<CommunityViewer, CancellationToken, Task<Result<ProjectView>>> act, string done, CancellationToken ct, object? validate = null)
    {
        if (validate is not null)
        {
            foreach (var (field, messages) in LocalizedValidator.Validate(validate, l, HttpContext.RequestServices))
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
                }
            }
            if (!ModelState.IsValid)
            {
                return await ShowAsync(null, ct);
            }
        }
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var result = await act(viewer, ct);
        if (!result.IsOk)
        {
            return await ShowAsync(result.Error, ct);
        }
        TempData["Saved"] = l[done].Value;
        return Redirect($"/community/projects/{Id}");
    }

    private async Task<IActionResult> ShowAsync(Error? error, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var result = await ProjectBoard.GetAsync(Id, viewer, db, l, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        View = result.Value;
        IsMember = viewer.MemberId is not null;
        if (error is Forbidden or Cotravail.Common.Errors.NotFound)
        {
            return this.Show(error, l);
        }
        error?.AddTo(ModelState, l, prefix: "Action"); // shown at the top of the page
        if (IsMember && View.Status == ProjectStatus.Open)
        {
            Candidates = await CandidatesAsync(viewer, ct);
        }
        return Page();
    }

    /// Members the viewer may invite or introduce: found by the search box (as in the directory), else those offering
    /// a needed skill; never the viewer, nor the team; at the project's location for a location project.
    private async Task<IReadOnlyList<CommunityCard>> CandidatesAsync(CommunityViewer viewer, CancellationToken ct)
    {
        var exclude = View.Team.Select(t => t.Card.Id).Append(viewer.MemberId ?? Guid.Empty).ToHashSet();
        Guid? at = View.Scope == ProjectScope.Location ? View.LocationId : null;
        if (Find is { Length: > 0 } find)
        {
            var found = await SearchDirectory.HandleAsync(new SearchDirectory.Query(find, null, at, null, null, 1, 24), viewer, db, l, ct);
            if (!found.IsOk)
            {
                found.Error.AddTo(ModelState, l, prefix: "Find");
                return [];
            }
            return [.. found.Value.Items.Where(c => !exclude.Contains(c.Id)).Take(CandidateCount)];
        }
        var slugs = View.Skills.Select(s => s.Slug).ToList();
        var memberSkills = db.MemberSkills;
        var rows = db.ListedFor(viewer).SkillsVisible(viewer)
            .Where(x => memberSkills.Any(s => s.MemberId == x.Member.Id && s.Use == SkillUse.Offers && slugs.Contains(s.Skill)));
        if (at is { } location)
        {
            rows = rows.Where(x => x.Member.HomeLocationId == location);
        }
        var ids = await rows.Select(x => x.Member.Id).OrderByDescending(id => id).Take(CandidateCount + exclude.Count).ToListAsync(ct);
        return await CommunityCards.LoadAsync([.. ids.Where(id => !exclude.Contains(id)).Take(CandidateCount)], viewer, db, l, full: false, ct);
    }
}
