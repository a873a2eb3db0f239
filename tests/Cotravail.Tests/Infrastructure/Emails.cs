using System.Text.RegularExpressions;
using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cotravail.Tests.Infrastructure;

/// Reads what the app queued in its outbox (TestApp leaves emails there, unsent).
internal static partial class Emails
{
    public static Task<List<OutboxMessage>> EmailsToAsync(this TestApp app, string to) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    public static async Task<OutboxMessage> LastEmailToAsync(this TestApp app, string to) =>
        (await app.EmailsToAsync(to)).LastOrDefault() ?? throw new InvalidOperationException($"No email to {to}.");

    /// One sending pass of the outbox through this delivery (a real SMTP server, files), on this clock.
    public static async Task<int> SendOutboxAsync(this TestApp app, MailDelivery delivery, TimeProvider clock, int maxAttempts = 8)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cotravail.Common.Database.AppDb>();
        var options = Options.Create(new OutboxOptions { MaxAttempts = maxAttempts });
        return await new OutboxDelivery(db, delivery, clock, options, NullLogger<OutboxDelivery>.Instance).SendDueAsync(CancellationToken.None);
    }

    /// The first link in the text that starts with the path, made relative to the site.
    public static string LinkTo(this OutboxMessage message, string path)
    {
        var match = Link().Matches(message.TextBody).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in: {message.TextBody}");
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
