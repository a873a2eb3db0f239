using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Joining;

internal static class JoiningAccess
{
    /// Admins: all requests; managers: those of the locations they manage; anyone else: none.
    public static IQueryable<JoinRequest> VisibleTo(this IQueryable<JoinRequest> requests, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return requests;
        }
        var managed = scope.ManagedLocations.ToList();
        return requests.Where(r => managed.Contains(r.LocationId));
    }

    /// Admins: all; managers: their locations' invitations; a company admin: the company's.
    public static IQueryable<Invitation> VisibleTo(this IQueryable<Invitation> invitations, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return invitations;
        }
        var managed = scope.ManagedLocations.ToList();
        var company = scope.CompanyAdminOf;
        return invitations.Where(i => managed.Contains(i.LocationId) || (company != null && i.CompanyId == company));
    }

    public static IQueryable<JoinRequestResponse> ToResponses(this IQueryable<JoinRequest> requests, AppDb db) =>
        requests.Select(r => new JoinRequestResponse(
            r.Id, r.LocationId, db.Set<Location>().Where(l => l.Id == r.LocationId).Select(l => l.Name).First(),
            r.FirstName, r.LastName, r.Email, r.Phone, r.Category, r.CompanyName, r.Message, r.Status,
            db.Users.Where(u => u.Id == r.UserId).Select(u => u.EmailConfirmed).FirstOrDefault(),
            r.CreatedAt, r.DecidedAt, r.DeclineReason, r.MemberId));

    public static IQueryable<InvitationResponse> ToResponses(this IQueryable<Invitation> invitations, AppDb db) =>
        invitations.Select(i => new InvitationResponse(
            i.Id, i.Email, i.FirstName, i.LastName, i.LocationId, db.Set<Location>().Where(l => l.Id == i.LocationId).Select(l => l.Name).First(),
            i.Category, i.CompanyId, i.CreatedAt, i.ExpiresAt, i.AcceptedAt));

    /// One person, one account: an email already used by an account or a member cannot join again.
    public static async Task<bool> EmailTakenAsync(AppDb db, string email, CancellationToken ct)
    {
        // Identity's NormalizedEmail is NFC upper-case (UpperInvariantLookupNormalizer), members store EmailText.Canonical.
        var normalized = EmailText.Normalize(email).ToUpperInvariant();
        var lower = EmailText.Canonical(email);
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct) || await db.Members.AnyAsync(m => m.Email == lower, ct);
    }
}
