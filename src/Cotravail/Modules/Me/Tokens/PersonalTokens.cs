using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Modules.Me.Tokens;

/// Personal access tokens: named, read or read-write, expiring within a year, revocable; the plain
/// value is shown once at creation. Used by /me/tokens and by GET/POST/DELETE /api/v1/me/tokens.
/// They end with the account's security stamp, like the sessions (see ApiToken).
internal sealed class PersonalTokens(AppDb db, AuditTrail audit, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly int[] LifetimeChoices = [30, 90, 365];

    internal sealed record CreateRequest
    {
        [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "Name")]
        public string Name { get; init; } = "";

        public TokenScope Scope { get; init; } = TokenScope.Read;

        /// 30, 90 or 365; or give ExpiresOn instead.
        public int? ExpiresInDays { get; init; }

        /// A date within a year; or give ExpiresInDays instead.
        public DateOnly? ExpiresOn { get; init; }
    }

    internal sealed record TokenResponse(Guid Id, string Name, TokenScope Scope, DateTime CreatedAt, DateTime ExpiresAt);

    internal sealed record CreatedToken(Guid Id, string Name, TokenScope Scope, DateTime CreatedAt, DateTime ExpiresAt, string Token);

    public Task<List<TokenResponse>> ListAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now)
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.SecurityStamp == t.SecurityStamp))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenResponse(t.Id, t.Name, t.Scope, t.CreatedAt, t.ExpiresAt))
            .ToListAsync(ct);
    }

    /// The new token takes the stamp the caller's session or token was checked against, not the account's
    /// current one: a session that a password change is about to end cannot make a token that outlives it.
    public async Task<Result<CreatedToken>> CreateAsync(Guid userId, ClaimsPrincipal caller, CreateRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return new Invalid(nameof(request.Name), Messages.Required);
        }
        if (name == ApiToken.SignInName)
        {
            return new Invalid(nameof(request.Name), "Choose another name.");
        }
        if (!Enum.IsDefined(request.Scope))
        {
            return new Invalid(nameof(request.Scope), "Choose read or read-write.");
        }
        DateTime expiresAt;
        if (request.ExpiresOn is { } date)
        {
            expiresAt = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
            if (expiresAt <= now.AddDays(1) || expiresAt > now + ApiToken.MaxLifetime)
            {
                return new Invalid(nameof(request.ExpiresOn), "Choose a date between tomorrow and one year from now.");
            }
        }
        else if (request.ExpiresInDays is { } days && LifetimeChoices.Contains(days))
        {
            expiresAt = now.AddDays(days);
        }
        else
        {
            return new Invalid(nameof(request.ExpiresInDays), "Choose 30, 90 or 365 days, or a date.");
        }
        var stamp = caller.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var (token, plain) = ApiToken.Issue(userId, stamp, name, now, expiresAt - now, request.Scope);
        db.ApiTokens.Add(token);
        audit.Record(AuditActions.TokenCreated, "token", token.Id, detail: $"{name} ({request.Scope}, until {expiresAt:yyyy-MM-dd})");
        await db.SaveChangesAsync(ct);
        return new CreatedToken(token.Id, token.Name, token.Scope, token.CreatedAt, token.ExpiresAt, plain);
    }

    public async Task<Result<Guid>> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return new NotFound("Token");
        }
        if (token.RevokedAt is null)
        {
            token.Revoke(clock.GetUtcNow().UtcDateTime);
            audit.Record(AuditActions.TokenRevoked, "token", token.Id, detail: token.Name);
            await db.SaveChangesAsync(ct);
        }
        return token.Id;
    }
}
