using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining;

/// Invites someone by email. A manager invites to a location they manage (any status, any company);
/// a company admin invites an employee of their own company (billed to it) to any open location.
internal sealed class InviteMember(AppDb db, Outbox outbox, SiteLinks links, TimeProvider clock)
{
    public async Task<Result<InvitationResponse>> HandleAsync(InvitationInput input, AccessScope scope, CancellationToken ct)
    {
        var locationId = input.LocationId!.Value;
        var location = await db.Locations.Where(l => l.Id == locationId && l.IsActive).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return new Invalid(nameof(InvitationInput.LocationId), "This location does not exist.");
        }
        Guid? companyId;
        MemberCategory category;
        if (scope.CanManage(locationId))
        {
            companyId = input.CompanyId;
            category = input.Category ?? (companyId is null ? MemberCategory.Other : MemberCategory.CompanyEmployee);
            if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id && c.IsActive, ct))
            {
                return new Invalid(nameof(InvitationInput.CompanyId), "This company does not exist.");
            }
        }
        else if (scope.CompanyAdminOf is { } own && (input.CompanyId is null || input.CompanyId == own))
        {
            companyId = own;
            category = MemberCategory.CompanyEmployee;
        }
        else
        {
            return new Forbidden();
        }
        if (await JoiningAccess.EmailTakenAsync(db, input.Email, ct))
        {
            return RequestToJoin.EmailTaken();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (invitation, token) = Invitation.Issue(input.Email, input.FirstName, input.LastName, locationId, category, companyId, scope.UserId, now);
        db.Invitations.Add(invitation);
        var inviter = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var link = links.Absolute($"/join/accept?token={token}");
        outbox.Enqueue(invitation.Email, null, l => JoiningEmails.Invited(l, invitation.FirstName, inviter, location, link));
        await db.SaveChangesAsync(ct);
        return await db.Invitations.Where(i => i.Id == invitation.Id).ToResponses(db).FirstAsync(ct);
    }
}
