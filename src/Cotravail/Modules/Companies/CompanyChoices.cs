using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Companies;

/// The active companies of a back office's drop-down list, limited to what the person may see.
internal static class CompanyChoices
{
    public static Task<List<Choice>> ListAsync(AppDb db, AccessScope scope, CancellationToken ct) =>
        db.Companies.VisibleTo(scope).Where(c => c.IsActive).OrderBy(c => c.LegalName).Select(c => new Choice(c.Id, c.LegalName)).ToListAsync(ct);
}
