using Cotravail.Common.Auth;

namespace Cotravail.Modules.Billing;

internal static class InvoiceAccess
{
    /// Staff: every document of their locations, drafts included; a member: their own issued ones;
    /// a company admin: the company's issued ones; network admins: all.
    public static IQueryable<Invoice> VisibleTo(this IQueryable<Invoice> invoices, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return invoices;
        }
        var locations = scope.StaffLocations;
        var self = scope.MemberId;
        var company = scope.CompanyAdminOf;
        return invoices.Where(i => locations.Contains(i.LocationId)
            || (i.Status == InvoiceStatus.Issued && ((self != null && i.MemberId == self && i.CompanyId == null) || (company != null && i.CompanyId == company))));
    }
}
