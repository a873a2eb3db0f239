using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects;

/// The board's emails; resource keys, written in the recipient's language by Outbox.
internal static class ProjectEmails
{
    public static EmailContent Interested(IStringLocalizer l, string name, string who, string project, string note, string link) => new(
        l["{0} is interested in your project", who],
        string.Join("\n\n", new[]
        {
            l["Hello {0},", name].Value,
            l["{0} is interested in your project \"{1}\".", who, project].Value,
            note.Length == 0 ? null : l["Their note: {0}", note].Value,
            l["Accept them into the team, or not, on the project's page:"].Value,
            link,
        }.Where(p => p is not null)));

    public static EmailContent Invited(IStringLocalizer l, string name, string owner, string project, string link) => new(
        l["{0} invites you to a project", owner],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} invites you to join the team of \"{1}\".", owner, project],
            l["Accept or decline on the project's page:"],
            link));

    public static EmailContent Introduced(IStringLocalizer l, string name, string introducer, string project, string link) => new(
        l["{0} thinks a project is for you", introducer],
        string.Join("\n\n",
            l["Hello {0},", name],
            l["{0} introduced you to the project \"{1}\".", introducer, project],
            l["Have a look, and say whether you are interested:"],
            link));
}
