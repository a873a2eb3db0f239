using System.Globalization;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Email;

/// What an email says, already in the recipient's language, with at most one attached file.
internal sealed record EmailContent(string Subject, string Text, string? Html = null, EmailAttachment? Attachment = null);

/// A text file sent with an email, e.g. an invitation: ("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", …).
internal sealed record EmailAttachment(string FileName, string ContentType, string Content);

/// Queues emails in the caller's unit of work: they are saved by the caller's SaveChanges.
internal sealed class Outbox(AppDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// The network's language, for people who never chose one.
    public const string DefaultCulture = "fr";

    /// Writes the email in the recipient's language (their choice, else the network's) and queues it.
    public OutboxMessage Enqueue(string to, string? culture, Func<IStringLocalizer, EmailContent> compose)
    {
        var language = culture is { } c && LocalizationModule.Languages.Contains(c) ? c : DefaultCulture;
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language); // cached and read-only: no culture data loaded per email
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
            var content = compose(l);
            var message = new OutboxMessage(to, content.Subject, content.Text, content.Html, language, clock.GetUtcNow().UtcDateTime);
            if (content.Attachment is { } attachment)
            {
                message.Attach(attachment);
            }
            db.Add(message);
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
