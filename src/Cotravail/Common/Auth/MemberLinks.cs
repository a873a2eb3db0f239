using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

/// What Access needs of a person's member record. The Members module gives it (IMemberLinks), so Common
/// names no module; a query, so Access still loads the user and their member record in one round trip.
internal sealed class MemberLink
{
    public Guid? UserId { get; init; }

    public Guid MemberId { get; init; }

    public Guid? CompanyId { get; init; }

    public bool IsCompanyAdmin { get; init; }
}

internal interface IMemberLinks
{
    IQueryable<MemberLink> Query(AppDb db);
}
