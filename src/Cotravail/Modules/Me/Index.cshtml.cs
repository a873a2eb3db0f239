using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Me;

/// A signed-in person's home: their membership, their company's team (company admins), the spaces.
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    internal sealed record LocationLink(string Slug, string Name, string City);

    public string DisplayName { get; private set; } = "";

    public MemberResponse? Member { get; private set; }

    public string? HomeSlug { get; private set; }

    public IReadOnlyList<MemberResponse> Colleagues { get; private set; } = [];

    public IReadOnlyList<LocationLink> Locations { get; private set; } = [];

    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        IsStaff = scope.IsStaff;
        DisplayName = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        if (scope.MemberId is { } memberId)
        {
            Member = await MemberAccess.ResponseAsync(db, memberId, ct);
            HomeSlug = await db.Locations.Where(l => l.Id == Member.HomeLocationId).Select(l => l.Slug).FirstAsync(ct);
        }
        if (scope.CompanyAdminOf is { } companyId)
        {
            Colleagues = await db.Members.Where(m => m.CompanyId == companyId && m.IsActive)
                .OrderBy(m => m.LastName).ToResponses(db).ToListAsync(ct);
        }
        Locations = await db.Locations.Where(l => l.IsActive).OrderBy(l => l.Name)
            .Select(l => new LocationLink(l.Slug, l.Name, l.City)).ToListAsync(ct);
    }
}
