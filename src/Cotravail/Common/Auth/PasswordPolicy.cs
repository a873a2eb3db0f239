using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Auth;

/// The password rules for every way a password is set (setup, create-admin, reset, invitation,
/// change): UserManager runs every IPasswordValidator. Messages come out in the request's language.
internal sealed class PasswordPolicy(AppDb db, IEnumerable<IOrganisationNames> organisation, IStringLocalizer<SharedResource> l) : IPasswordValidator<User>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        password ??= "";
        var length = PasswordRules.Length(password);
        if (length < PasswordRules.MinLength)
        {
            return Failed("PasswordTooShort", l["Use at least 12 characters (any letters, spaces, digits or symbols)."]);
        }
        if (length > PasswordRules.MaxLength)
        {
            return Failed("PasswordTooLong", l["Use at most 128 characters."]);
        }
        if (PasswordRules.IsCommon(password))
        {
            return Failed("PasswordTooCommon", l["This password is one of the most common ones: choose another."]);
        }
        var names = new List<string>();
        foreach (var source in organisation)
        {
            names.AddRange(await source.NamesAsync(db));
        }
        return PasswordRules.ContainsAny(password, names)
            ? Failed("PasswordContainsOrganisationName", l["The password must not contain the name of the network or of one of its spaces."])
            : IdentityResult.Success;
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
