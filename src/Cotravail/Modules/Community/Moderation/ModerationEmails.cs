using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Moderation;

/// The email to a member whose post staff hid; resource keys, written in the recipient's language by Outbox.
internal static class ModerationEmails
{
    public static EmailContent Hidden(IStringLocalizer l, string name, PostKind kind, string title, string reason, string link) => new(
        l["Your post was hidden by the staff"],
        string.Join("\n\n",
            l["Hello {0},", name],
            kind switch
            {
                PostKind.Question => l["The staff hid your question \"{0}\" from the community.", title],
                PostKind.Answer => l["The staff hid your answer to \"{0}\" from the community.", title],
                _ => l["The staff hid your project \"{0}\" from the community.", title],
            },
            l["Their reason: {0}", reason],
            l["You still see it, marked hidden, here:"],
            link,
            l["If you think this is a mistake, reply to the staff of your space."]));
}
