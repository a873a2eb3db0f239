using Microsoft.AspNetCore.Authorization;

namespace Cotravail.Common.Auth;

internal enum AccessLevel
{
    Staff,
    Manager,
    NetworkAdmin,
}

/// Route-level gate; finer location checks happen in the handlers through AccessScope.
internal sealed record AccessRequirement(AccessLevel Level) : IAuthorizationRequirement;

internal sealed class AccessRequirementHandler(Access access) : AuthorizationHandler<AccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        var scope = await access.GetAsync();
        var allowed = requirement.Level switch
        {
            AccessLevel.Staff => scope.IsStaff,
            AccessLevel.Manager => scope.IsManager,
            AccessLevel.NetworkAdmin => scope.IsNetworkAdmin,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

internal static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Manager = nameof(Manager);
    public const string NetworkAdmin = nameof(NetworkAdmin);
    public const string Api = nameof(Api);
}
