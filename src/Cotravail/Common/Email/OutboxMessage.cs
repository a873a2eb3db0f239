using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Email;

internal enum OutboxStatus
{
    Queued,
    Retrying,
    Sent,
    Failed,
}

/// An email waiting to be sent (or sent): written in the same transaction as the change that causes
/// it, so a rolled-back change sends nothing and a committed one is never forgotten.
internal sealed class OutboxMessage
{
    public const int SubjectLength = 300;
    public const int ToLength = 256;
    public const int ErrorLength = 2000;

    private OutboxMessage()
    {
    }

    /// Every email is built here, so this is where what people typed is made safe for headers.
    public OutboxMessage(string to, string subject, string textBody, string? htmlBody, string culture, DateTime now)
    {
        Id = Guid.CreateVersion7();
        To = HeaderText.Of(to, ToLength);
        Subject = HeaderText.Of(subject, SubjectLength);
        TextBody = textBody;
        HtmlBody = htmlBody;
        Culture = culture;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    public string Culture { get; private set; } = "fr";

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// A sender instance holds the message until then; another instance may take it over afterwards.
    public DateTime? ClaimedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// Set when the last allowed attempt failed: the message is not tried again.
    public DateTime? FailedAt { get; private set; }

    /// The attached file, if any (one is all emails need: an invitation's .ics). Kept on the message
    /// itself rather than in a table of its own, so sending reads one row.
    public string? AttachmentName { get; private set; }

    /// Its MIME type with parameters, e.g. "text/calendar; method=REQUEST; charset=utf-8".
    public string? AttachmentType { get; private set; }

    public string? AttachmentContent { get; private set; }

    public EmailAttachment? Attachment => AttachmentName is { } name && AttachmentType is { } type && AttachmentContent is { } content
        ? new EmailAttachment(name, type, content)
        : null;

    public void Attach(EmailAttachment attachment)
    {
        AttachmentName = HeaderText.Of(attachment.FileName, 200);
        AttachmentType = attachment.ContentType;
        AttachmentContent = attachment.Content;
    }

    public OutboxStatus Status => StatusOf(SentAt, FailedAt, Attempts);

    /// For the entity and for lists that read only these columns.
    public static OutboxStatus StatusOf(DateTime? sentAt, DateTime? failedAt, int attempts) =>
        sentAt is not null ? OutboxStatus.Sent
        : failedAt is not null ? OutboxStatus.Failed
        : attempts > 0 ? OutboxStatus.Retrying
        : OutboxStatus.Queued;

    public void MarkSent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        ClaimedUntil = null;
        LastError = null;
    }

    /// Records a failed attempt: tried again after a growing delay, or failed for good at the last allowed one.
    public void MarkFailed(DateTime now, string error, int maxAttempts)
    {
        Attempts++;
        ClaimedUntil = null;
        LastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        if (Attempts >= maxAttempts)
        {
            FailedAt = now;
        }
        else
        {
            NextAttemptAt = now + Backoff(Attempts);
        }
    }

    /// 1, 2, 4, 8… minutes after each failure, at most 6 hours.
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.ToLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLength);
        builder.Property(m => m.Culture).HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        builder.Ignore(m => m.Status);
        builder.Ignore(m => m.Attachment);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentType).HasMaxLength(200);
        // Only the messages still to send: sent and failed ones pile up and are never looked for by the sender.
        builder.HasIndex(m => m.NextAttemptAt).HasDatabaseName("IX_Outbox_Due").HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        builder.HasIndex(m => m.FailedAt).HasFilter("\"FailedAt\" IS NOT NULL");
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal static class OutboxStatusText
{
    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => "Queued",
        OutboxStatus.Retrying => "Retrying after an error",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed",
        _ => status.ToString(),
    };
}
