using Microsoft.AspNetCore.Authorization;

namespace Cotravail.Common.Auth;

/// A read-only token is refused (403) on anything but GET, HEAD and OPTIONS.
internal sealed record TokenScopeRequirement : IAuthorizationRequirement
{
    public const string ClaimType = "cotravail:scope";
}

internal sealed class TokenScopeHandler(IHttpContextAccessor http) : AuthorizationHandler<TokenScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var method = http.HttpContext?.Request.Method ?? HttpMethods.Get;
        var readOnly = context.User.FindFirst(TokenScopeRequirement.ClaimType)?.Value == nameof(TokenScope.Read);
        if (!readOnly || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
