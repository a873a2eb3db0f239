using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions;

/// The "a neighbour asks" email; resource keys, written in the recipient's language by Outbox.
internal static class QuestionEmails
{
    public static EmailContent ForYou(IStringLocalizer l, string name, string title, string skills, string link) => new(
        l["A neighbour asks: {0}", title],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["A member of the community asks a question that calls for your skills ({0}):", skills],
            title,
            l["Read it and answer here:"],
            link,
            l["You receive these emails because your skills match. Mute topics on your notifications page."]));
}
