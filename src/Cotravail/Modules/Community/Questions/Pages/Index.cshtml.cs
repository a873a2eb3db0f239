using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions.Pages;

/// /community/questions: the questions I may read, those calling for my skills first, as GET /api/v1/community/questions.
internal sealed class IndexModel(AskNeighbour ask, AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public QuestionList List { get; private set; } = new([], 1, 25, 0);

    public int Unread { get; private set; }

    public bool IsMember { get; private set; }

    public PagerView Pager => new(List.Page, Math.Max(1, (List.TotalCount + List.PageSize - 1) / List.PageSize), List.TotalCount);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Status ??= "open";
        var result = await ask.ListAsync(Status, PageNumber, 20, scope, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        List = result.Value;
        if (scope.MemberId is { } memberId)
        {
            IsMember = true;
            Unread = await CommunityNotifications.UnreadAsync(memberId, db, ct);
        }
        return Page();
    }
}
