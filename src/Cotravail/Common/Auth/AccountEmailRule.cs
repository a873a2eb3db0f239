using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Auth;

/// EmailText's rule for every account UserManager creates or updates (join, invitation, setup,
/// create-admin), whatever form or command the address came from.
internal sealed class AccountEmailRule(IStringLocalizer<SharedResource> l) : IUserValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user)
    {
        var problem = user.Email is null ? null : EmailText.Problem(user.Email);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.InvalidEmail), Description = l[problem, l["Email"]] }));
    }
}
