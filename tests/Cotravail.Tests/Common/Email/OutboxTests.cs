using System.Net;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Common.Email;

public abstract class OutboxTests(TestApp app)
{
    [Fact]
    public async Task A_queued_email_is_delivered_to_a_real_smtp_server()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (id, subject) = await EnqueueAsync("en");

        var sent = await PassAsync(Smtp(smtp.Port), app.Clock);

        sent.ShouldBeGreaterThanOrEqualTo(1);
        var received = await smtp.WaitForAsync(subject);
        received.ShouldNotBeNull();
        received.ShouldContain("X-RcptTo: reader@cotravail.test");
        received.ShouldContain("Content-Language: en");
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id));
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task An_attached_invitation_reaches_a_real_smtp_server_as_a_calendar_part_and_a_file()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var subject = $"Invitation {Guid.NewGuid():N}";
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cotravail//Test//EN", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:outbox-test@cotravail",
            "DTSTAMP:20270301T080000Z", "DTSTART:20270329T070000Z", "DTEND:20270329T080000Z", "SUMMARY:Réunion · Salle Tilleul", "SEQUENCE:0",
            "END:VEVENT", "END:VCALENDAR", "");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("guest@cotravail.test", "en",
                _ => new EmailContent(subject, "You are invited.", Attachment: new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", ics)));
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }

        await PassAsync(Smtp(smtp.Port), app.Clock);

        var received = await smtp.WaitForAsync(subject);
        received.ShouldNotBeNull();
        var (parts, calendars) = await Cotravail.Tests.Modules.Bookings.Ics.ReadEmailAsync(received);
        parts.ShouldContain(p => p.Disposition == "attachment" && p.FileName == "invite.ics" && p.Method == "REQUEST");
        parts.ShouldContain(p => p.Disposition == "inline" && p.Method == "REQUEST", "the alternative mail clients offer accept and decline from");
        calendars.ShouldAllBe(c => c.Method == "REQUEST");
        calendars.SelectMany(c => c.Events).ShouldAllBe(e => e.Start == "2027-03-29T07:00:00+00:00" && e.Summary == "Réunion · Salle Tilleul");
    }

    [Fact]
    public async Task Without_smtp_each_email_is_written_as_an_eml_file_and_marked_sent()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-outbox-").FullName;
        try
        {
            var (id, subject) = await EnqueueAsync("fr");

            await PassAsync(new MailDelivery(new SmtpSettings(), folder), app.Clock);

            var files = Directory.GetFiles(folder, "*.eml");
            files.Select(File.ReadAllText).ShouldContain(text => text.Contains(subject, StringComparison.Ordinal));
            (await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id))).SentAt.ShouldNotBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_fails_midway_leaves_no_partial_eml_and_the_message_stays_queued_for_a_retry()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-outbox-").FullName;
        try
        {
            var (id, _) = await EnqueueAsync("fr");
            var clock = new FakeTimeProvider(app.Clock.GetUtcNow());
            var fullDisk = new MailDelivery(new SmtpSettings(), folder, path => new FullDiskStream(File.Create(path), roomFor: 200));

            await PassAsync(fullDisk, clock);

            Directory.GetFiles(folder).ShouldBeEmpty("neither a partial .eml nor its temporary file stays behind");
            var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id));
            row.Status.ShouldBe(OutboxStatus.Retrying);
            row.LastError.ShouldNotBeNull().ShouldContain("No space left on device");

            clock.Advance(TimeSpan.FromHours(1));
            await PassAsync(new MailDelivery(new SmtpSettings(), folder), clock);
            Directory.GetFiles(folder).ShouldAllBe(f => f.EndsWith(".eml", StringComparison.Ordinal));
            var written = Directory.GetFiles(folder).Select(File.ReadAllText).Where(t => t.Contains($"<{id}@cotravail>", StringComparison.Ordinal)).ShouldHaveSingleItem();
            written.ShouldEndWith("\r\n", Case.Sensitive, "the whole message");
            (await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id))).Status.ShouldBe(OutboxStatus.Sent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// A file on a disk that fills up after roomFor bytes.
    private sealed class FullDiskStream(FileStream file, int roomFor) : Stream
    {
        private int written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => written;

        public override long Position { get => written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var room = Math.Max(0, roomFor - written);
            await file.WriteAsync(buffer[..Math.Min(room, buffer.Length)], cancellationToken);
            await file.FlushAsync(cancellationToken);
            written += Math.Min(room, buffer.Length);
            if (buffer.Length > room)
            {
                throw new IOException("No space left on device");
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_a_delay_and_then_delivered()
    {
        var (id, subject) = await EnqueueAsync("fr");
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow()); // the shared app clock may have been moved ahead
        var nobody = new MailDelivery(new SmtpSettings { Host = "127.0.0.1", Port = SmtpServer.FreePort() }, "unused");

        await PassAsync(nobody, clock);

        var failed = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id));
        failed.Status.ShouldBe(OutboxStatus.Retrying);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        failed.NextAttemptAt.ShouldBeGreaterThan(clock.GetUtcNow().UtcDateTime);

        await using var smtp = await SmtpServer.StartAsync();
        await PassAsync(Smtp(smtp.Port), clock);
        smtp.Messages().ShouldNotContain(m => m.Contains(subject, StringComparison.Ordinal), "not due yet: the backoff holds it back");

        clock.Advance(TimeSpan.FromHours(1));
        await PassAsync(Smtp(smtp.Port), clock);
        (await smtp.WaitForAsync(subject)).ShouldNotBeNull();
        var sent = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id));
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_claimed_by_another_instance_is_not_sent_twice()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (id, subject) = await EnqueueAsync("fr");
        var until = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until)));

        await PassAsync(Smtp(smtp.Port), app.Clock);

        smtp.Messages().ShouldNotContain(m => m.Contains(subject, StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id))).SentAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_background_worker_sends_queued_emails_through_the_configured_server()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var instance = app.WithWebHostBuilder(b => b
            .UseSetting("Cotravail:Smtp:Host", "127.0.0.1")
            .UseSetting("Cotravail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Cotravail:Outbox:Send", "true")
            .UseSetting("Cotravail:Outbox:PollInterval", "00:00:00.200"));
        _ = instance.Services;

        var (_, subject) = await EnqueueAsync("fr");

        (await smtp.WaitForAsync(subject)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Emails_are_written_in_the_recipients_language_else_in_french()
    {
        var english = await ComposeAsync("en");
        var french = await ComposeAsync(null);

        english.ShouldBe(("Sign in", "en"));
        french.ShouldBe(("Se connecter", "fr"));
    }

    [Fact]
    public async Task Network_admins_read_the_outbox_and_others_may_not()
    {
        var (id, subject) = await EnqueueAsync("fr");
        using var admin = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin); // demo account
        using var manager = await app.BrowserClientAsync(DemoAccounts.ParisManager); // demo account

        var (list, _) = await TestApp.GetHtmlAsync(admin, "/admin/outbox");
        var (details, _) = await TestApp.GetHtmlAsync(admin, $"/admin/outbox/{id}");
        using var refused = await manager.GetAsync("/admin/outbox");

        list.ShouldContain(subject);
        details.ShouldContain("Body of " + subject);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_outbox_page_is_paged()
    {
        for (var i = 0; i < 26; i++)
        {
            await EnqueueAsync("fr");
        }
        using var admin = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin); // demo account

        var (_, second) = await TestApp.GetHtmlAsync(admin, "/admin/outbox?page=2");

        second.QuerySelector("nav.pager span")!.TextContent.ShouldStartWith("Page 2 ");
        second.QuerySelectorAll("main table tbody tr").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_subject_typed_with_line_breaks_reaches_a_real_smtp_server_on_one_line_and_adds_no_header()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var token = Guid.NewGuid().ToString("N");
        var typed = $"Board {token}\r\nBcc: intruder@evil.test\nX-Injected: yes\u2028next\u2029last\u0085end\0";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("reader@cotravail.test", "en", _ => new EmailContent(typed, $"Body {token}\nsecond line"));
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }

        await PassAsync(Smtp(smtp.Port), app.Clock);

        var raw = await smtp.WaitForAsync(token);
        raw.ShouldNotBeNull("the message is sent, not stuck in the outbox");
        var mail = await ReceivedMail.ReadAsync(raw);
        mail.All("Subject").ShouldHaveSingleItem().ShouldBe($"Board {token} Bcc: intruder@evil.test X-Injected: yes next last end");
        mail.All("Bcc").ShouldBeEmpty();
        mail.All("X-Injected").ShouldBeEmpty();
        mail.All("X-RcptTo").ShouldHaveSingleItem().ShouldBe("reader@cotravail.test");
        mail.Text!.ReplaceLineEndings("\n").ShouldContain($"Body {token}\nsecond line", Case.Sensitive, "bodies keep their line breaks");
    }

    [Fact]
    public async Task A_message_that_cannot_be_sent_fails_for_good_after_its_last_try_while_the_rest_of_its_batch_is_sent()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (poison, _) = await EnqueueAsync("fr", to: "not an address");
        var early = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1); // first of its batch, so the others come after it
        await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == poison).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, early)));
        var others = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            others.Add((await EnqueueAsync("fr")).Subject);
        }
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow()); // the shared app clock may have been moved ahead

        await PassAsync(Smtp(smtp.Port), clock, maxAttempts: 3);

        foreach (var subject in others)
        {
            (await smtp.WaitForAsync(subject)).ShouldNotBeNull("the failing message holds back nothing");
        }
        var first = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == poison));
        first.Status.ShouldBe(OutboxStatus.Retrying);
        first.Attempts.ShouldBe(1);
        first.LastError.ShouldNotBeNullOrWhiteSpace();
        first.ClaimedUntil.ShouldBeNull("released at once, not held for the claim's five minutes");

        for (var pass = 0; pass < 4; pass++)
        {
            clock.Advance(TimeSpan.FromHours(7)); // past the longest backoff
            await PassAsync(Smtp(smtp.Port), clock, maxAttempts: 3);
        }

        var failed = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == poison));
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.Attempts.ShouldBe(3, "tried three times, then never again");
        failed.FailedAt.ShouldNotBeNull();
        failed.SentAt.ShouldBeNull();
    }

    [Fact]
    public async Task Network_admins_see_failed_messages_with_their_attempts_and_last_error()
    {
        var (id, subject) = await EnqueueAsync("fr", to: "not an address");
        var early = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, early)));
        var folder = Directory.CreateTempSubdirectory("cotravail-outbox-").FullName;
        try
        {
            await PassAsync(new MailDelivery(new SmtpSettings(), folder), new FakeTimeProvider(app.Clock.GetUtcNow()), maxAttempts: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var error = (await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id))).LastError!;
        using var admin = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin); // demo account

        var (_, all) = await TestApp.GetHtmlAsync(admin, "/admin/outbox");
        var (_, failed) = await TestApp.GetHtmlAsync(admin, "/admin/outbox?status=failed");
        var (_, details) = await TestApp.GetHtmlAsync(admin, $"/admin/outbox/{id}");

        all.QuerySelector("#outbox-failed a")!.GetAttribute("href").ShouldBe("/admin/outbox?status=failed");
        var rows = failed.QuerySelectorAll("main table tbody tr");
        rows.ShouldAllBe(r => r.GetAttribute("data-status") == "Failed");
        var row = rows.Where(r => r.TextContent.Contains(subject, StringComparison.Ordinal)).ShouldHaveSingleItem();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[3].ShouldBeOneOf("Failed", "Échec");
        cells[4].ShouldBe("1");
        cells[5].ShouldStartWith(error[..Math.Min(error.Length, 60)]);
        details.QuerySelector("dl.facts")!.TextContent.ShouldContain(error);
    }

    private async Task<(Guid Id, string Subject)> EnqueueAsync(string? culture, string to = "reader@cotravail.test")
    {
        var subject = $"Test {Guid.NewGuid():N}";
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var message = outbox.Enqueue(to, culture, _ => new EmailContent(subject, "Body of " + subject));
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        return (message.Id, subject);
    }

    private async Task<(string, string)> ComposeAsync(string? culture)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("x@cotravail.test", culture, l => new EmailContent(l["Sign in"], ""));
        return (message.Subject, message.Culture);
    }

    private Task<int> PassAsync(MailDelivery delivery, TimeProvider clock, int maxAttempts = 8) => app.SendOutboxAsync(delivery, clock, maxAttempts);

    private static MailDelivery Smtp(int port) => new(new SmtpSettings { Host = "127.0.0.1", Port = port }, "unused");
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxTests_Sqlite(SqliteTestApp app) : OutboxTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutboxTests_Postgres(PostgresTestApp app) : OutboxTests(app);
