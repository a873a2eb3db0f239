using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

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

    /// STARTTLS after connecting (required when set, never tried when not), as System.Net.Mail's EnableSsl did.
    public bool EnableSsl { get; init; }
}

/// Sends one message with MailKit (ADR 15); any failure, building included, is an exception for OutboxDelivery.
/// An .eml file is written whole or not at all: into a temporary file of the same folder, flushed to disk,
/// then renamed (atomic on one file system); createFile is the seam tests use to fail a write midway.
internal sealed class MailDelivery(SmtpSettings settings, string pickupDirectory, Func<string, Stream> createFile)
{
    public MailDelivery(SmtpSettings settings, string pickupDirectory)
        : this(settings, pickupDirectory, path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
    {
    }

    /// Addresses need a domain ("user" alone is refused, as System.Net.Mail refused it).
    private static readonly ParserOptions Addresses = new() { AllowAddressesWithoutDomain = false };

    /// An .eml file ends its lines with CRLF, as on the wire.
    private static readonly FormatOptions EmlFile = new() { NewLineFormat = NewLineFormat.Dos };

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
        using var mail = Compose(message);
        if (!UsesSmtp)
        {
            await WriteFileAsync(mail, ct);
            return;
        }
        using var client = new SmtpClient
        {
            // System.Net.Mail did not check revocation either; a check that cannot reach its list fails every send.
            CheckCertificateRevocation = false,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        // As before, a server that offers no AUTH gets the mail without it (and refuses it if it wanted some).
        if (!string.IsNullOrEmpty(settings.UserName) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task WriteFileAsync(MimeMessage mail, CancellationToken ct)
    {
        Directory.CreateDirectory(pickupDirectory);
        var name = Guid.NewGuid().ToString();
        var temporary = Path.Combine(pickupDirectory, $".{name}.eml.tmp"); // not *.eml: readers never see it half-written
        try
        {
            await using (var file = createFile(temporary))
            {
                await mail.WriteToAsync(EmlFile, file, ct);
                await file.FlushAsync(ct);
                if (file is FileStream disk)
                {
                    disk.Flush(flushToDisk: true);
                }
            }
            File.Move(temporary, Path.Combine(pickupDirectory, $"{name}.eml"));
        }
        catch
        {
            Forget(temporary);
            throw;
        }
    }

    /// A full disk leaves nothing behind; the failure goes on to OutboxDelivery, which keeps the message for a retry.
    private static void Forget(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        var mail = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id}@cotravail" };
        mail.From.Add(MailboxAddress.Parse(Addresses, settings.From));
        mail.To.Add(MailboxAddress.Parse(Addresses, message.To));
        mail.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        mail.Body = Body(message);
        return mail;
    }

    /// The text, its HTML alternative, and a calendar invitation both as an alternative of the body
    /// (multipart/alternative inside multipart/mixed), which is where mail clients look to offer accept
    /// and decline, and as the attached file.
    private static MimeEntity Body(OutboxMessage message)
    {
        var views = new MultipartAlternative { Text(TextFormat.Plain, message.TextBody) };
        if (message.HtmlBody is { } html)
        {
            views.Add(Text(TextFormat.Html, html));
        }
        var file = message.Attachment;
        if (file is not null && ContentType.Parse(file.ContentType).IsMimeType("text", "calendar"))
        {
            views.Add(Part(file));
        }
        MimeEntity body = views.Count == 1 ? views[0] : views;
        if (file is null)
        {
            return body;
        }
        var attachment = Part(file);
        attachment.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
        attachment.FileName = file.FileName;
        return new Multipart("mixed") { body, attachment };
    }

    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", text);
        return part;
    }

    /// The file's text in its charset (utf-8 unless the type names one), in base64 so its line ends travel unchanged.
    private static MimePart Part(EmailAttachment file)
    {
        var type = ContentType.Parse(file.ContentType);
        type.Charset ??= "utf-8";
        var bytes = (type.CharsetEncoding ?? throw new InvalidOperationException($"Unknown charset {type.Charset}.")).GetBytes(file.Content);
        return new MimePart(type) { Content = new MimeContent(new MemoryStream(bytes)), ContentTransferEncoding = ContentEncoding.Base64 };
    }
}
