using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Auth;

/// Identity's refusals about the address in the request's language; the user name is the email, so
/// its errors speak of the email too.
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public const string Taken = "An account already uses this email.";

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Taken);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Taken);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l[EmailMessages.NotAnEmail, l["Email"]]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l[EmailMessages.NotAnEmail, l["Email"]]);

    private IdentityError Error(string code, string message) => new() { Code = code, Description = l[message] };
}
