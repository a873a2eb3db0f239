using System.Globalization;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Jobs;
using Cotravail.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cotravail.Modules.Community.Digest;

/// Cotravail:Community:Digest: Send=false turns the job off on an instance; Interval is how often it looks for
/// digests due; they are due from Monday SendAt (local time of the member's location) for the rest of that Monday.
internal sealed class DigestOptions
{
    public bool Send { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    public TimeOnly SendAt { get; set; } = new(8, 0);
}

/// Sends the weekly community digest to members who asked for it (MemberProfile.WeeklyDigest), in their language,
/// through the outbox. Each digest is claimed by inserting its (member, week) row in the transaction that queues
/// the email: a second instance, or a second pass, finds the row and skips (ON CONFLICT DO NOTHING).
internal sealed class DigestSender(AppDb db, Outbox outbox, SiteLinks links, IEnumerable<IDigestSection> sections,
    IStringLocalizer<SharedResource> l, IOptions<DigestOptions> options)
{
    /// The digests due at this instant; returns how many were queued.
    public async Task<int> SendDueAsync(DateTime now, CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking().Select(x => new { x.Id, x.TimeZone }).ToListAsync(ct);
        var weekOf = new Dictionary<Guid, (DateOnly Week, DateTime Since, DateTime Until)>();
        foreach (var location in locations)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
            var local = WallClock.ToLocal(now, zone);
            var today = DateOnly.FromDateTime(local);
            if (today.DayOfWeek != DayOfWeek.Monday || TimeOnly.FromDateTime(local) < options.Value.SendAt)
            {
                continue;
            }
            var until = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(options.Value.SendAt), zone);
            weekOf[location.Id] = (today, until.AddDays(-7), until);
        }
        if (weekOf.Count == 0)
        {
            return 0;
        }
        var due = weekOf.Keys.ToList();
        var digests = db.CommunityDigests;
        var candidates = await (
            from m in db.Members.AsNoTracking()
            join p in db.MemberProfiles.AsNoTracking() on m.Id equals p.MemberId
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            where p.WeeklyDigest && m.IsActive && u.IsActive && u.Email != null && due.Contains(m.HomeLocationId)
            select new { m.Id, m.FirstName, m.HomeLocationId, u.Email, u.PreferredCulture, UserId = u.Id })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var c in candidates)
        {
            var (week, since, until) = weekOf[c.HomeLocationId];
            if (await digests.AnyAsync(d => d.MemberId == c.Id && d.Week == week, ct))
            {
                continue;
            }
            var viewer = CommunityViewer.MemberOnly(c.Id, c.UserId, c.HomeLocationId);
            var recipient = new DigestRecipient(c.Id, c.FirstName, viewer, week, since, until);
            if (await SendAsync(recipient, c.Email!, c.PreferredCulture, now, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    /// Builds the sections in the recipient's language; queues nothing when all are empty.
    private async Task<bool> SendAsync(DigestRecipient recipient, string email, string? culture, DateTime now, CancellationToken ct)
    {
        var blocks = await BuildAsync(recipient, culture, ct);
        if (blocks.Count == 0)
        {
            return false;
        }
        db.ChangeTracker.Clear();
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var memberId = recipient.MemberId;
            var week = recipient.Week;
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "CommunityDigests" ("MemberId", "Week", "SentAt") VALUES ({memberId}, {week}, {now}) ON CONFLICT DO NOTHING""", ct);
            if (claimed == 0)
            {
                return false;
            }
            outbox.Enqueue(email, culture, l => Compose(l, recipient, blocks));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return true;
    }

    public async Task<List<DigestBlock>> BuildAsync(DigestRecipient recipient, string? culture, CancellationToken ct)
    {
        var previous = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var language = culture is { } c && LocalizationModule.Languages.Contains(c) ? c : Outbox.DefaultCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
            var blocks = new List<DigestBlock>();
            foreach (var section in sections.OrderBy(s => s.Order))
            {
                if (await section.BuildAsync(recipient, l, ct) is { Lines.Count: > 0 } block)
                {
                    blocks.Add(block);
                }
            }
            return blocks;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = previous;
        }
    }

    private EmailContent Compose(IStringLocalizer l, DigestRecipient recipient, List<DigestBlock> blocks)
    {
        var parts = new List<string> { l["Hello {0},", recipient.FirstName], l["Here is what happened in the community this week."] };
        foreach (var block in blocks)
        {
            parts.Add(block.Title + "\n" + string.Join("\n", block.Lines.Select(x => "- " + x.Text + (x.Path is { } path ? "\n  " + links.Absolute(path) : ""))));
        }
        parts.Add(l["You receive this digest because you asked for it on your community profile. To stop it, untick it there:"] + "\n"
            + links.Absolute("/community/profile#digest"));
        return new EmailContent(l["Your community this week"], string.Join("\n\n", parts));
    }
}

internal sealed class DigestJob(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.Send;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<DigestSender>().SendDueAsync(Clock.GetUtcNow().UtcDateTime, ct);
        if (sent > 0)
        {
            Logger.LogInformation("Queued {Count} weekly community digests", sent);
        }
    }
}
