using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

/// "Authorization: Bearer ctv_…": looks the token's hash up on every request, so a revoked or
/// expired token, a deactivated user, or a token older than its account's security stamp (password
/// changed, signed out everywhere…) stops working at once and on every instance. Tokens are
/// read from this header only, never from a query string (which ends up in logs and histories).
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AppDb db,
    TimeProvider clock,
    IOptions<IdentityOptions> identityOptions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiToken.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users.Where(u => u.IsActive), t => t.UserId, u => u.Id, (t, u) => new { t, u })
            .Where(x => x.t.SecurityStamp == x.u.SecurityStamp)
            .Select(x => new { x.u.Id, x.u.Email, x.t.Scope, x.t.SecurityStamp })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Invalid or expired token.");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Id.ToString()),
                new Claim(ClaimTypes.Name, found.Email ?? ""),
                new Claim(TokenScopeRequirement.ClaimType, found.Scope.ToString()),
                // As in a session's cookie: a token made with this one (POST /api/v1/me/tokens) inherits it.
                new Claim(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType, found.SecurityStamp ?? ""),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
