using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining;

/// /join/accept?token=…: the invited person chooses a password and becomes an active member; the
/// link then stops working. Following the emailed link proves the address.
internal sealed class AcceptInvitation(AppDb db, UserManager<User> users, TimeProvider clock)
{
    internal sealed record Preview(string FirstName, string LastName, string Email, string LocationName, string? CompanyName);

    public async Task<Preview?> FindAsync(string? token, CancellationToken ct)
    {
        var invitation = await FindOpenAsync(token, ct);
        return invitation is null ? null : new Preview(
            invitation.FirstName, invitation.LastName, invitation.Email,
            await db.Locations.Where(l => l.Id == invitation.LocationId).Select(l => l.Name).FirstAsync(ct),
            await db.Companies.Where(c => c.Id == invitation.CompanyId).Select(c => c.LegalName).FirstOrDefaultAsync(ct));
    }

    public async Task<Result<User>> HandleAsync(string? token, string password, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await FindOpenAsync(token, ct);
        if (invitation is null)
        {
            return new NotFound("Invitation");
        }
        if (await JoiningAccess.EmailTakenAsync(db, invitation.Email, ct))
        {
            return RequestToJoin.EmailTaken();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Claim the invitation first: of two simultaneous uses of one link, only one changes the row.
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed != 1)
        {
            return new NotFound("Invitation");
        }
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.FullName,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountErrors.From(created, "Password");
        }
        var member = new Member(invitation.FirstName, invitation.LastName, invitation.Email, invitation.Category, invitation.LocationId) { CreatedAt = now };
        member.LinkAccount(user.Id);
        member.JoinCompany(invitation.CompanyId, invitation.BilledToCompany, isCompanyAdmin: false);
        db.Members.Add(member);
        invitation.Accept(member.Id, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private Task<Invitation?> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return Task.FromResult<Invitation?>(null);
        }
        var hash = ApiToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, ct);
    }
}
