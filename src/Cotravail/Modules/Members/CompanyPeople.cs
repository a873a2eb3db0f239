using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Members;

/// Companies' view of the members table (ICompanyPeople): who works for which company, where, and who it pays for.
internal sealed class CompanyPeople : ICompanyPeople
{
    public IQueryable<CompanyPerson> Query(AppDb db) =>
        db.Set<Member>().AsNoTracking().Where(m => m.CompanyId != null)
            .Select(m => new CompanyPerson { CompanyId = m.CompanyId!.Value, HomeLocationId = m.HomeLocationId, BilledToCompany = m.BilledToCompany });
}
