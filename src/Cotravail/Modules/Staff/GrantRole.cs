using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Staff;

/// The account by its email (or id) and the role to give it at one location.
internal sealed record GrantRoleInput
{
    [ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
    public string? Email { get; init; }

    public Guid? UserId { get; init; }

    [Required(ErrorMessage = Messages.Required), Display(Name = "Location")]
    public Guid? LocationId { get; init; }

    [Required(ErrorMessage = Messages.Required), Display(Name = "Role")]
    public StaffRole? Role { get; init; }
}

internal sealed record GrantedRole(StaffResponse Staff, bool Created);

/// POST /api/v1/staff/roles: a network admin makes an existing account manager or host of a location;
/// a different role already held there is changed (a step down from manager ends the sessions).
internal sealed class GrantRole(AppDb db, AuditTrail audit)
{
    public async Task<Result<GrantedRole>> HandleAsync(GrantRoleInput input, CancellationToken ct)
    {
        var user = await FindAccountAsync(input, ct);
        if (user is null)
        {
            return input.UserId is not null && string.IsNullOrWhiteSpace(input.Email)
                ? new Invalid(nameof(GrantRoleInput.UserId), "No account has this id.")
                : new Invalid(nameof(GrantRoleInput.Email), "No account uses this email.");
        }
        var (locationId, role) = (input.LocationId!.Value, input.Role!.Value);
        var location = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return new Invalid(nameof(GrantRoleInput.LocationId), "This location does not exist.");
        }
        var held = await db.StaffAssignments.FirstOrDefaultAsync(s => s.UserId == user.Id && s.LocationId == locationId, ct);
        if (held?.Role == role)
        {
            return new Conflict(nameof(GrantRoleInput.Role), "This person already holds this role at this location.");
        }
        if (held is null)
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, locationId, role));
        }
        else
        {
            audit.Record(AuditActions.RoleRevoked, "user", user.Id, locationId, StaffDetail.Of(held.Role, location));
            if (held.Role == StaffRole.Manager)
            {
                user.RenewSecurityStamp();
            }
            held.Role = role;
        }
        audit.Record(AuditActions.RoleGranted, "user", user.Id, locationId, StaffDetail.Of(role, location));
        await db.SaveChangesAsync(ct);
        return new GrantedRole(await ListStaff.OneAsync(db, user.Id, ct), held is null);
    }

    /// By id, by the account's email, or by the email of a member whose account is linked.
    private async Task<User?> FindAccountAsync(GrantRoleInput input, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            var email = Member.NormalizeEmail(input.Email);
            var normalized = email.ToUpperInvariant();
            return await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
                ?? await db.Users.FirstOrDefaultAsync(u => db.Set<Member>().Any(m => m.Email == email && m.UserId == u.Id), ct);
        }
        return input.UserId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) : null;
    }
}

/// The audit detail of a staff change: the role and the location's name, never the person's data.
internal static class StaffDetail
{
    public const string NetworkAdmin = "Network admin";

    public static string Of(StaffRole role, string locationName) => $"{role} at {locationName}";
}
