using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Common.Auth;

/// POST /api/v1/auth/token: email and password in, a bearer token out.
internal static class IssueToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), EmailAddress(ErrorMessage = Messages.Email), StringLength(256, ErrorMessage = Messages.TooLong)]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(128, ErrorMessage = Messages.TooLong)]
        public string Password { get; init; } = "";
    }

    internal sealed record Response(string Token, DateTime ExpiresAt);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", HandleAsync).AllowAnonymous().Validate<Request>()
            .WithName("IssueToken").WithTags("Auth").WithSummary("Exchange an email and password for a bearer token.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Request request, UserManager<User> users, SignInManager<User> signIn, AppDb db, TimeProvider clock)
    {
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null || !user.IsActive)
        {
            return Unauthorized();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return Unauthorized();
        }
        var (token, plain) = ApiToken.Issue(user.Id, "sign-in", clock.GetUtcNow().UtcDateTime, Lifetime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new Response(plain, token.ExpiresAt));
    }

    // Same answer for an unknown email, a wrong password or a locked account: nothing to enumerate.
    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid email or password.");
}
