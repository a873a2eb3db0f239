using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Cotravail.Common.Email;

/// Cotravail:Smtp: with a Host, mail goes to that server; without, each message becomes an .eml file
/// under Cotravail:DataDirectory/outbox (and stays readable by admins at /admin/outbox).
internal sealed record SmtpSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public string From { get; init; } = "cotravail@localhost";

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public bool EnableSsl { get; init; }
}

internal sealed class MailDelivery(SmtpSettings settings, string pickupDirectory)
{
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(settings.Host);

    public string PickupDirectory => pickupDirectory;

    /// The sender address, also the organiser of invitations when the network has no email of its own.
    public string From => settings.From;

    public static MailDelivery FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Cotravail:Smtp").Get<SmtpSettings>() ?? new SmtpSettings();
        var folder = Path.Combine(Path.GetFullPath(configuration["Cotravail:DataDirectory"] ?? "data"), "outbox");
        return new MailDelivery(settings, folder);
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = new MailMessage(settings.From, message.To)
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.Headers.Add("Message-ID", $"<{message.Id}@cotravail>");
        mail.Headers.Add("Content-Language", message.Culture);
        if (message.HtmlBody is { } html)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, "text/html"));
        }
        if (message.Attachment is { } file)
        {
            Attach(mail, file);
        }
        using var client = new SmtpClient();
        if (UsesSmtp)
        {
            client.Host = settings.Host!;
            client.Port = settings.Port;
            client.EnableSsl = settings.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }
        else
        {
            Directory.CreateDirectory(pickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = pickupDirectory;
        }
        await client.SendMailAsync(mail, ct);
    }

    /// The file as an attachment; a calendar invitation also as a text/calendar alternative of the
    /// body (multipart/alternative inside multipart/mixed), which is where mail clients look to offer
    /// accept and decline.
    private static void Attach(MailMessage mail, EmailAttachment file)
    {
        var type = new ContentType(file.ContentType);
        type.CharSet ??= "utf-8";
        if (type.MediaType == "text/calendar")
        {
            var calendar = AlternateView.CreateAlternateViewFromString(file.Content, new ContentType(type.ToString()));
            calendar.TransferEncoding = TransferEncoding.Base64;
            mail.AlternateViews.Add(calendar);
        }
        var attachment = Attachment.CreateAttachmentFromString(file.Content, new ContentType(type.ToString()) { Name = file.FileName });
        attachment.TransferEncoding = TransferEncoding.Base64;
        attachment.ContentDisposition!.FileName = file.FileName;
        mail.Attachments.Add(attachment);
    }
}
