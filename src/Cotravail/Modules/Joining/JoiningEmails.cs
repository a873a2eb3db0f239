using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Joining;

/// The texts of the joining emails; resource keys, written in the recipient's language by Outbox.
internal static class JoiningEmails
{
    public static EmailContent Approved(IStringLocalizer l, string name, string location, string signInLink) => new(
        l["Welcome to {0}", location],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["Your request to join {0} is approved: you are now a member.", location],
            l["Sign in with your email and the password you chose:"],
            signInLink));

    public static EmailContent Declined(IStringLocalizer l, string name, string location, string? reason) => new(
        l["Your request to join {0}", location],
        string.Join("\n\n", new[]
        {
            l["Hello {0},", name].Value,
            l["We are sorry: your request to join {0} was not accepted.", location].Value,
            reason is null ? null : l["Reason: {0}", reason].Value,
        }.Where(p => p is not null)));

    public static EmailContent NewRequest(IStringLocalizer l, string manager, string person, string location, string link) => new(
        l["New request to join {0}", location],
        string.Join("\n\n",
            l["Hello {0},", manager],
            l["{0} asks to join {1}. Approve or decline the request here:", person, location],
            link));

    public static EmailContent Invited(IStringLocalizer l, string name, string inviter, string location, string link) => new(
        l["You are invited to join {0}", location],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} invites you to become a member of {1}.", inviter, location],
            l["Choose your password with this link (valid 7 days, it works once):"],
            link));
}
