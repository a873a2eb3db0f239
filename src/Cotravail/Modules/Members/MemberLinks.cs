using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Members;

/// Access's view of the members table (IMemberLinks): which member record, company and company-admin role a user has.
internal sealed class MemberLinks : IMemberLinks
{
    public IQueryable<MemberLink> Query(AppDb db) =>
        db.Set<Member>().AsNoTracking().Where(m => m.UserId != null)
            .Select(m => new MemberLink { UserId = m.UserId, MemberId = m.Id, CompanyId = m.CompanyId, IsCompanyAdmin = m.IsCompanyAdmin });
}
