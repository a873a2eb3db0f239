using Cotravail.Common;
using Cotravail.Common.Email;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Members;

/// Managers register members of their locations, change them, and deactivate them.
internal static class SaveMember
{
    public static async Task<Result<MemberResponse>> GetAsync(Guid id, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var found = await db.Members.VisibleTo(scope).Where(m => m.Id == id).ToResponses(db).FirstOrDefaultAsync(ct);
        return found is null ? new NotFound("Member") : found;
    }

    public static async Task<Result<MemberResponse>> CreateAsync(MemberInput input, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        if (await CheckAsync(input, null, db, scope, ct) is { } error)
        {
            return error;
        }
        var member = new Member(input.FirstName, input.LastName, input.Email, input.Category!.Value, input.HomeLocationId!.Value)
        {
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        input.ApplyTo(member);
        db.Members.Add(member);
        await RecordCompanyChangesAsync(audit, db, member, null, false, ct);
        await db.SaveChangesAsync(ct);
        return await MemberAccess.ResponseAsync(db, member.Id, ct);
    }

    public static async Task<Result<MemberResponse>> UpdateAsync(Guid id, MemberInput input, AppDb db, AccessScope scope, AuditTrail audit, CancellationToken ct)
    {
        var member = await db.Members.VisibleTo(scope).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return new NotFound("Member");
        }
        if (!scope.CanManage(member.HomeLocationId))
        {
            return new Forbidden();
        }
        if (await CheckAsync(input, id, db, scope, ct) is { } error)
        {
            return error;
        }
        var (company, wasAdmin) = (member.CompanyId, member.IsCompanyAdmin);
        input.ApplyTo(member);
        await RecordCompanyChangesAsync(audit, db, member, company, wasAdmin, ct);
        await db.SaveChangesAsync(ct);
        return await MemberAccess.ResponseAsync(db, member.Id, ct);
    }

    public static async Task<Result<MemberResponse>> SetActiveAsync(Guid id, bool active, AppDb db, AccessScope scope, AuditTrail audit, CancellationToken ct)
    {
        var member = await db.Members.VisibleTo(scope).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return new NotFound("Member");
        }
        if (!scope.CanManage(member.HomeLocationId))
        {
            return new Forbidden();
        }
        if (active != member.IsActive)
        {
            audit.Record(active ? AuditActions.AccountActivated : AuditActions.AccountDeactivated, "member", member.Id, member.HomeLocationId, member.FullName);
        }
        if (active)
        {
            member.Activate();
        }
        else
        {
            member.Deactivate();
        }
        await SetAccountActiveAsync(member, active, db, ct);
        await db.SaveChangesAsync(ct);
        return await MemberAccess.ResponseAsync(db, member.Id, ct);
    }

    /// The member's sign-in account follows the membership: its tokens stop at once and its sessions
    /// within the session check interval. An account that also runs the network (network admin or staff
    /// role) is left as it is: a membership ending does not end a job, network admins manage those roles.
    private static async Task SetAccountActiveAsync(Member member, bool active, AppDb db, CancellationToken ct)
    {
        if (member.UserId is not { } userId || await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            return;
        }
        if (active)
        {
            // An erased account stays closed even if its (erased) member record is reactivated.
            user.IsActive = !ErasedAddress.Is(user.Email ?? "");
        }
        else if (!user.IsNetworkAdmin && !await db.StaffAssignments.AnyAsync(s => s.UserId == userId, ct))
        {
            user.Deactivate();
        }
    }

    /// Company moves and the company-admin role (which shows a whole team's data) are audited.
    private static async Task RecordCompanyChangesAsync(AuditTrail audit, AppDb db, Member member, Guid? oldCompany, bool wasAdmin, CancellationToken ct)
    {
        if (oldCompany == member.CompanyId && wasAdmin == member.IsCompanyAdmin)
        {
            return;
        }
        Guid?[] ids = [oldCompany, member.CompanyId];
        var names = await db.Companies.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LegalName, ct);
        string Name(Guid? id) => id is { } c ? names.GetValueOrDefault(c, c.ToString()) : "—";
        if (oldCompany != member.CompanyId)
        {
            audit.Record(AuditActions.MemberCompanyChanged, "member", member.Id, member.HomeLocationId,
                $"{member.FullName}: {Name(oldCompany)} → {Name(member.CompanyId)}");
        }
        if (wasAdmin && (!member.IsCompanyAdmin || oldCompany != member.CompanyId))
        {
            audit.Record(AuditActions.RoleRevoked, "member", member.Id, member.HomeLocationId, $"{member.FullName}: company admin of {Name(oldCompany)}");
        }
        if (member.IsCompanyAdmin && (!wasAdmin || oldCompany != member.CompanyId))
        {
            audit.Record(AuditActions.RoleGranted, "member", member.Id, member.HomeLocationId, $"{member.FullName}: company admin of {Name(member.CompanyId)}");
        }
    }

    private static async Task<Error?> CheckAsync(MemberInput input, Guid? id, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var home = input.HomeLocationId!.Value;
        if (!await db.Locations.AnyAsync(l => l.Id == home, ct))
        {
            return new Invalid(nameof(MemberInput.HomeLocationId), "This location does not exist.");
        }
        if (!scope.CanManage(home))
        {
            return new Forbidden();
        }
        if (input.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            return new Invalid(nameof(MemberInput.CompanyId), "This company does not exist.");
        }
        var email = Member.NormalizeEmail(input.Email);
        if (await db.Members.AnyAsync(m => m.Email == email && m.Id != id, ct))
        {
            return new Conflict(nameof(MemberInput.Email), "Another member already uses this email.");
        }
        return AddressFields.Incompleteness(input.Street, input.PostalCode, input.City, input.CountryCode);
    }
}
