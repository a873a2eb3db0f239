using System.Net;
using System.Net.Mail;
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
}
