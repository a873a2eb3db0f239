using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining;

/// A manager of the location (or an admin) approves a request, which makes the person a member of
/// that home location, or declines it; the person is told by email either way.
internal sealed class DecideJoinRequest(AppDb db, AuditTrail audit, Outbox outbox, SiteLinks links, TimeProvider clock)
{
    public async Task<Result<JoinRequestResponse>> ApproveAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var request = await db.JoinRequests.VisibleTo(scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return new NotFound("Join request");
        }
        if (request.Status != JoinRequestStatus.Pending)
        {
            return AlreadyDecided();
        }
        if (await db.Members.AnyAsync(m => m.Email == request.Email || m.UserId == request.UserId, ct))
        {
            return new Conflict("Email", "Another member already uses this email.");
        }
        var user = await db.Users.FirstAsync(u => u.Id == request.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var member = new Member(request.FirstName, request.LastName, request.Email, request.Category, request.LocationId)
        {
            Phone = request.Phone,
            CreatedAt = now,
        };
        member.LinkAccount(user.Id);
        db.Members.Add(member);
        request.Approve(member.Id, scope.UserId, now);
        var location = await LocationNameAsync(request.LocationId, ct);
        audit.Record(AuditActions.MemberApproved, "member", member.Id, request.LocationId, $"{member.FullName} <{member.Email}>, {location}");
        var signIn = links.Absolute("/account/sign-in");
        outbox.Enqueue(user.Email!, user.PreferredCulture, l => JoiningEmails.Approved(l, member.FirstName, location, signIn));
        await db.SaveChangesAsync(ct);
        return await ResponseAsync(id, ct);
    }

    public async Task<Result<JoinRequestResponse>> DeclineAsync(Guid id, DeclineInput input, AccessScope scope, CancellationToken ct)
    {
        if (input.Reason is { Length: > JoinRequest.ReasonLength })
        {
            return new Invalid(nameof(DeclineInput.Reason), "The reason is too long.");
        }
        var request = await db.JoinRequests.VisibleTo(scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return new NotFound("Join request");
        }
        if (request.Status != JoinRequestStatus.Pending)
        {
            return AlreadyDecided();
        }
        var user = await db.Users.FirstAsync(u => u.Id == request.UserId, ct);
        request.Decline(input.Reason, scope.UserId, clock.GetUtcNow().UtcDateTime);
        // The account was only a candidacy: it cannot sign in once declined.
        user.IsActive = false;
        var location = await LocationNameAsync(request.LocationId, ct);
        audit.Record(AuditActions.MemberDeclined, "join-request", request.Id, request.LocationId, $"{request.FirstName} {request.LastName} <{request.Email}>");
        outbox.Enqueue(user.Email!, user.PreferredCulture, l => JoiningEmails.Declined(l, request.FirstName, location, request.DeclineReason));
        await db.SaveChangesAsync(ct);
        return await ResponseAsync(id, ct);
    }

    private static Conflict AlreadyDecided() => new("Status", "This request was already decided.");

    private Task<string> LocationNameAsync(Guid locationId, CancellationToken ct) =>
        db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstAsync(ct);

    private Task<JoinRequestResponse> ResponseAsync(Guid id, CancellationToken ct) =>
        db.JoinRequests.Where(r => r.Id == id).ToResponses(db).FirstAsync(ct);
}
