using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;

namespace Cotravail.Common.Auth;

/// POST /api/v1/auth/token: email and password (and the authenticator code when the account has
/// two-factor authentication) in, a 12-hour read-write bearer token out. Failures count towards the
/// account's lockout, like the sign-in page; the route is rate limited (RateLimits.Token).
internal static class IssueToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong)]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong)]
        public string Password { get; init; } = "";

        /// The 6-digit code of the authenticator app; required when the account has two-factor authentication.
        [StringLength(20, ErrorMessage = Messages.TooLong)]
        public string? Code { get; init; }
    }

    internal sealed record Response(string Token, DateTime ExpiresAt);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", HandleAsync).AllowAnonymous().Validate<Request>()
            .WithName("IssueToken").WithTags("Auth")
            .WithSummary("Exchange an email and password (and a two-factor code when enabled) for a bearer token.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Request request, UserManager<User> users, AccountSignInManager signIn, SignInAudit audit, StaffTwoFactor staff,
        AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(EmailText.Normalize(request.Email));
        if (user is null || !user.IsActive)
        {
            signIn.CheckPasswordWithoutAccount(request.Password);
            await audit.FailedAsync(null, false, false, "token");
            return Unauthorized();
        }
        var lockedBefore = await users.IsLockedOutAsync(user);
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.FailedAsync(user, lockedBefore, check.IsLockedOut, "token: password");
            return Unauthorized();
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: "A two-factor code is required.", detail: "Send the 6-digit code of your authenticator app in the 'code' field.");
            }
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, request.Code))
            {
                await users.AccessFailedAsync(user);
                await audit.FailedAsync(user, false, await users.IsLockedOutAsync(user), "token: two-factor code");
                return Unauthorized();
            }
            await users.ResetAccessFailedCountAsync(user);
        }
        else if (await staff.MustEnrolAsync(user.Id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Two-factor authentication is required for staff accounts.", detail: $"Enable it at {StaffTwoFactor.EnrolPath} first.");
        }
        var (token, plain) = ApiToken.Issue(user.Id, user.SecurityStamp, ApiToken.SignInName, clock.GetUtcNow().UtcDateTime, Lifetime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(plain, token.ExpiresAt));
    }

    // Same answer for an unknown email, a wrong password or a locked account: nothing to enumerate.
    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid email or password.");
}
