using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Modules.Account;

/// Forgotten password: a single-use link valid one hour (Identity's reset token; it is bound to the
/// security stamp, which the reset changes, so a used link stops working). The answer never says
/// whether the email has an account.
internal sealed class PasswordReset(UserManager<User> users, Outbox outbox, AppDb db, SiteLinks links, AuditTrail audit)
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
        public string Email { get; init; } = "";
    }

    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(EmailText.Normalize(email));
        if (user is not { IsActive: true } || user.Email is null)
        {
            return;
        }
        var code = LinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.Absolute($"/account/reset-password?userId={user.Id}&code={code}");
        outbox.Enqueue(user.Email, user.PreferredCulture, l => new EmailContent(
            l["Reset your password"],
            string.Join("\n\n",
                l["Hello {0},", user.DisplayName],
                l["To choose a new password, open this link within one hour (it works once):"],
                link,
                l["If you did not ask for this, ignore this email: your password stays the same."])));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IdentityResult> ResetAsync(Guid userId, string? code, string password)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = LinkCode.Decode(code);
        if (user is not { IsActive: true } || token is null)
        {
            return LinkCode.InvalidLink();
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken") ? LinkCode.InvalidLink() : result;
        }
        // Following the emailed link proves the address.
        user.EmailConfirmed = true;
        audit.RecordFor(user.Id, AuditActions.PasswordReset);
        await users.UpdateAsync(user);
        return result;
    }
}
