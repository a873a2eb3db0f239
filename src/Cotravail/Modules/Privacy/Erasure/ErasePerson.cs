using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy.Erasure;

/// Right to be forgotten: a person erases themselves (with their password), or a manager of the
/// member's home location (or a network admin) erases a member. Every IErasureStep runs in one transaction.
internal sealed class ErasePerson(AppDb db, IEnumerable<IErasureStep> steps, AuditTrail audit, TimeProvider clock, SignInManager<User> signIn)
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), StringLength(128, ErrorMessage = Messages.TooLong), Display(Name = "Password")]
        public string Password { get; init; } = "";
    }

    internal sealed record Erased(Guid? UserId, Guid? MemberId);

    public async Task<Result<Erased>> SelfAsync(AccessScope scope, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == scope.UserId && u.IsActive, ct);
        if (user is null)
        {
            return new NotFound("User account");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return new Invalid(nameof(Request.Password), "This password is not correct.");
        }
        return await EraseAsync(new DataSubject(user.Id, scope.MemberId), ct);
    }

    public async Task<Result<Erased>> MemberAsync(Guid memberId, AccessScope scope, CancellationToken ct)
    {
        var member = await db.Members.VisibleTo(scope).Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.UserId, m.HomeLocationId }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return new NotFound("Member");
        }
        if (!scope.CanManage(member.HomeLocationId))
        {
            return new Forbidden();
        }
        return await EraseAsync(new DataSubject(member.UserId, member.Id), ct);
    }

    private async Task<Result<Erased>> EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId, ct);
        if (user is { IsNetworkAdmin: true } && !await db.Users.AnyAsync(u => u.IsNetworkAdmin && u.IsActive && u.Id != user.Id, ct))
        {
            return new Conflict("", "The last network admin cannot be erased: make someone else network admin first.");
        }
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == subject.MemberId, ct);
        string?[] texts = [user?.Email, user?.UserName, user?.DisplayName, user?.PhoneNumber, member?.Email, member?.FirstName, member?.LastName, member?.Phone];
        var context = new ErasureContext(db, subject, clock.GetUtcNow().UtcDateTime, [.. texts.OfType<string>().Where(t => t.Length > 0).Distinct()]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            await step.EraseAsync(context, ct);
        }
        // Ids only: the entry must not bring back what was just erased.
        audit.Record(AuditActions.DataErased, member is null ? "user" : "member", subject.MemberId ?? subject.UserId, member?.HomeLocationId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Erased(subject.UserId, subject.MemberId);
    }
}
