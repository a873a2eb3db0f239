using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Assignments;

internal static class AssignmentAccess
{
    /// Admins: all; staff: their locations'; anyone: their own as a member, their company's as its admin.
    public static IQueryable<ResourceAssignment> VisibleTo(this IQueryable<ResourceAssignment> assignments, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return assignments;
        }
        var locations = scope.StaffLocations;
        var self = scope.MemberId;
        var company = scope.CompanyAdminOf;
        return assignments.Where(a => locations.Contains(a.LocationId) || (self != null && a.MemberId == self) || (company != null && a.CompanyId == company));
    }

    public static IQueryable<AssignmentResponse> ToResponses(this IQueryable<ResourceAssignment> assignments, AppDb db) =>
        assignments.Select(a => new AssignmentResponse(
            a.Id,
            a.ResourceId,
            db.Set<Resource>().Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(),
            a.LocationId,
            db.Set<Location>().Where(l => l.Id == a.LocationId).Select(l => l.Name).First(),
            a.MemberId,
            db.Set<Member>().Where(m => m.Id == a.MemberId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            a.CompanyId,
            db.Set<Company>().Where(c => c.Id == a.CompanyId).Select(c => c.LegalName).FirstOrDefault(),
            a.From,
            a.To,
            a.MonthlyPriceCents / 100m,
            a.Currency,
            Locations.VatRate.Percent(a.VatMilliPercent),
            a.CreatedAt,
            a.EndedAt));

    public static Task<AssignmentResponse> ResponseAsync(AppDb db, Guid id, CancellationToken ct) =>
        db.ResourceAssignments.AsNoTracking().Where(a => a.Id == id).ToResponses(db).FirstAsync(ct);
}

/// An assignment as the API and the pages show it; MonthlyPrice in the currency's major unit, VatPercent as 14.975.
internal sealed record AssignmentResponse(
    Guid Id, Guid ResourceId, string ResourceName, Guid LocationId, string LocationName, Guid? MemberId, string? MemberName,
    Guid? CompanyId, string? CompanyName, DateOnly From, DateOnly? To, decimal MonthlyPrice, string Currency, decimal VatPercent,
    DateTime CreatedAt, DateTime? EndedAt);
