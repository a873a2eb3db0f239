using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Members;

internal static class MemberAccess
{
    /// Admins: all; staff: members of their locations; company admins: their company's; members: themselves.
    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return members;
        }
        var locations = scope.StaffLocations;
        var self = scope.MemberId;
        var company = scope.CompanyAdminOf;
        return members.Where(m => locations.Contains(m.HomeLocationId) || m.Id == self || (company != null && m.CompanyId == company));
    }

    public static IQueryable<MemberResponse> ToResponses(this IQueryable<Member> members, AppDb db) =>
        members.Select(m => new MemberResponse(
            m.Id, m.FirstName, m.LastName, m.Email, m.Phone, m.Street, m.PostalCode, m.City, m.CountryCode, m.Category, m.HomeLocationId,
            db.Set<Location>().Where(l => l.Id == m.HomeLocationId).Select(l => l.Name).First(),
            m.CompanyId,
            db.Set<Company>().Where(c => c.Id == m.CompanyId).Select(c => c.LegalName).FirstOrDefault(),
            m.BilledToCompany, m.IsCompanyAdmin, m.UserId != null, m.IsActive));

    public static Task<MemberResponse> ResponseAsync(AppDb db, Guid id, CancellationToken ct) =>
        db.Members.Where(m => m.Id == id).ToResponses(db).FirstAsync(ct);
}
