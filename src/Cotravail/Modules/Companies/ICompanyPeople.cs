using Cotravail.Common.Database;

namespace Cotravail.Modules.Companies;

/// A company's people as the Members module keeps them: Companies counts them and lets a manager change the
/// companies of the members they look after. Members registers it, so Companies names no module above it.
internal interface ICompanyPeople
{
    /// A query, so counts and scopes stay subqueries of the company query (one round trip).
    IQueryable<CompanyPerson> Query(AppDb db);
}

internal sealed class CompanyPerson
{
    public Guid CompanyId { get; init; }

    public Guid HomeLocationId { get; init; }

    public bool BilledToCompany { get; init; }
}
