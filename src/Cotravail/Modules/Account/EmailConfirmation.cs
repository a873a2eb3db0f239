using Cotravail.Common.Auth;
using Cotravail.Common.Email;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Modules.Account;

/// New accounts confirm their address through a link (valid 3 days); accounts created by an admin,
/// the demo seeder or an accepted invitation are confirmed from the start.
internal sealed class EmailConfirmation(UserManager<User> users, Outbox outbox, SiteLinks links)
{
    /// Queues the link in the caller's unit of work (saved by the caller).
    public async Task EnqueueAsync(User user)
    {
        var code = LinkCode.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute($"/account/confirm-email?userId={user.Id}&code={code}");
        outbox.Enqueue(user.Email!, user.PreferredCulture, l => new EmailContent(
            l["Confirm your email address"],
            string.Join("\n\n",
                l["Hello {0},", user.DisplayName],
                l["Please confirm your email address by opening this link within three days:"],
                link)));
    }

    public async Task<IdentityResult> ConfirmAsync(Guid userId, string? code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = LinkCode.Decode(code);
        if (user is null || token is null)
        {
            return LinkCode.InvalidLink();
        }
        if (user.EmailConfirmed)
        {
            return IdentityResult.Success;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded ? result : LinkCode.InvalidLink();
    }
}
