using System.Globalization;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Digest;

/// Whom a digest is for and which week it covers: Since..Until is the week before the Monday it is sent.
/// Viewer sees the community as the recipient does on the site; sections must go through it (CommunityQueries).
internal sealed record DigestRecipient(Guid MemberId, string FirstName, CommunityViewer Viewer, DateOnly Week, DateTime Since, DateTime Until);

/// One line of a section: a text and, if any, the site's path it points to (made absolute in the email).
internal sealed record DigestLine(string Text, string? Path = null);

/// A section of the digest, already in the recipient's language.
internal sealed record DigestBlock(string Title, IReadOnlyList<DigestLine> Lines);

/// A part of the weekly digest. Called with the recipient's language as the current UI culture; returns null
/// when it has nothing to say (a digest whose every section is null is not sent). Order sorts the sections.
/// Register with services.AddScoped&lt;IDigestSection, …&gt;().
internal interface IDigestSection
{
    int Order { get; }

    Task<DigestBlock?> BuildAsync(DigestRecipient recipient, IStringLocalizer l, CancellationToken ct);
}

/// Members who joined during the week and are listed for the recipient, with what they opened to them.
internal sealed class NewMembersSection(AppDb db) : IDigestSection
{
    public const int Max = 10;

    public int Order => 10;

    public async Task<DigestBlock?> BuildAsync(DigestRecipient recipient, IStringLocalizer l, CancellationToken ct)
    {
        var viewer = recipient.Viewer;
        var ids = await db.ListedFor(viewer)
            .Where(x => x.Member.Id != recipient.MemberId && x.Member.CreatedAt >= recipient.Since && x.Member.CreatedAt < recipient.Until)
            .Select(x => x.Member.Id).OrderByDescending(id => id).Take(Max).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }
        var cards = await CommunityCards.LoadAsync(ids, viewer, db, l, full: false, ct);
        return cards.Count == 0 ? null : new DigestBlock(l["New members this week"], [.. cards.Select(c => new DigestLine(Describe(c), $"/community/members/{c.Id}"))]);
    }

    /// "Name — headline (skill, skill) · location", each part only when the card has it.
    public static string Describe(CommunityCard card)
    {
        var text = card.Name;
        if (card.Headline is { } headline)
        {
            text += " — " + headline;
        }
        if (card.Skills.Count > 0)
        {
            text += " (" + string.Join(", ", card.Skills.Take(4).Select(s => s.Name)) + ")";
        }
        return text + " · " + card.LocationName;
    }
}

/// Members offering skills the recipient seeks ("complementary to me"), as the suggestions show them.
internal sealed class SkillsISeekSection(AppDb db) : IDigestSection
{
    public int Order => 20;

    public async Task<DigestBlock?> BuildAsync(DigestRecipient recipient, IStringLocalizer l, CancellationToken ct)
    {
        var result = await Complementary.HandleAsync(recipient.Viewer, db, l, ct);
        if (!result.IsOk || result.Value.Count == 0)
        {
            return null;
        }
        return new DigestBlock(l["Members offering skills you seek"],
            [.. result.Value.Select(c => new DigestLine(NewMembersSection.Describe(c), $"/community/members/{c.Id}"))]);
    }
}

/// Open questions of the week that ask for skills the recipient offers, as the recipient may see them.
internal sealed class QuestionsForMeSection(AppDb db) : IDigestSection
{
    public const int Max = 8;

    public int Order => 30;

    public async Task<DigestBlock?> BuildAsync(DigestRecipient recipient, IStringLocalizer l, CancellationToken ct)
    {
        var questions = await Questions.AskNeighbour.OpenQuestionsMatchingAsync(recipient.Viewer, recipient.Since, db, ct);
        if (questions.Count == 0)
        {
            return null;
        }
        return new DigestBlock(l["Open questions matching your skills"],
            [.. questions.Take(Max).Select(q => new DigestLine($"{q.Title} ({string.Join(", ", q.Skills.Select(s => s.Name))}) · {q.AuthorName}", $"/community/questions/{q.Id}"))]);
    }
}

/// Open projects and calls for partners that need skills the recipient offers, as the recipient may see them.
internal sealed class ProjectsForMeSection(AppDb db, TimeProvider clock) : IDigestSection
{
    public int Order => 40;

    public async Task<DigestBlock?> BuildAsync(DigestRecipient recipient, IStringLocalizer l, CancellationToken ct)
    {
        var projects = await Projects.ProjectBoard.ProjectsSeeking(recipient.Viewer, db, clock, ct, max: 8);
        if (projects.Count == 0)
        {
            return null;
        }
        return new DigestBlock(l["Projects seeking your skills"],
            [.. projects.Select(p => new DigestLine($"{p.Title} ({string.Join(", ", p.Skills.Select(s => s.Name))}) · {p.OwnerName}, {l["deadline {0}", p.Deadline.ToString("d", CultureInfo.CurrentCulture)]}", $"/community/projects/{p.Id}"))]);
    }
}
