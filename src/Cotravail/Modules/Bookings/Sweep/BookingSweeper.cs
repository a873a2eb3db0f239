using Cotravail.Common.Database;
using Cotravail.Common.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Gives slots back: confirmed bookings not checked in within their resource's CheckInMinutes are
/// Released, pending requests past their hold are Expired, and their members are told. Each change is a
/// conditional UPDATE from the state that was read, so several instances sweeping at once change a
/// booking once; the work is read from the database, so it carries on across restarts. Then waitlist
/// offers past their expiry lapse, and waiting members are booked into (or offered) what is free.
internal sealed class BookingSweeper(AppDb db, BookingNotice notice, Waitlist waitlist, TimeProvider clock, IOptions<BookingSweeperOptions> options,
    IEnumerable<IBookingCover> covers)
{
    /// How far back a sweep looks: older no-shows are history, not slots to give back.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Horizon;
        var noShows = await db.Bookings
            .Where(b => b.Status == BookingStatus.Confirmed && b.CheckedInAt == null && b.Start <= now && b.Start >= since)
            .Join(db.Resources.Where(r => r.Policy.CheckInMinutes > 0), b => b.ResourceId, r => r.Id, (b, r) => new { b.Id, b.Start, r.Policy.CheckInMinutes })
            .ToListAsync(ct);
        // Waitlist offers' holds are Pending too, but lapse with their offer (below), not as requests.
        var pending = await db.Bookings.Where(b => b.Status == BookingStatus.Pending && b.Start >= since
                && !db.Set<WaitlistEntry>().Any(w => w.BookingId == b.Id && w.Status == WaitlistStatus.Offered))
            .Select(b => new { b.Id, CreatedAt = b.ChangedAt ?? b.CreatedAt, b.Start }).ToListAsync(ct);
        var changed = 0;
        foreach (var late in noShows.Where(b => DateTime.SpecifyKind(b.Start, DateTimeKind.Utc).AddMinutes(b.CheckInMinutes) <= now))
        {
            changed += await MoveAsync(late.Id, BookingStatus.Confirmed, BookingStatus.Released, BookingEmails.Released, ct);
        }
        foreach (var stale in pending.Where(p => Min(p.CreatedAt + Booking.PendingHold, p.Start) <= now))
        {
            changed += await MoveAsync(stale.Id, BookingStatus.Pending, BookingStatus.Expired, BookingEmails.Expired, ct);
        }
        changed += await waitlist.ExpireOffersAsync(ct);
        // Slots freed by any path (declines, expiries, releases, series cancellations) go to who waits.
        return changed + await waitlist.PromoteAsync(null, ct);
    }

    private async Task<int> MoveAsync(Guid id, BookingStatus from, BookingStatus to,
        Func<Microsoft.Extensions.Localization.IStringLocalizer, string, string, DateTime, Cotravail.Common.Email.EmailContent> email, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Bookings.Where(b => b.Id == id && b.Status == from && b.CheckedInAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, to), ct);
        if (changed == 1)
        {
            if (to == BookingStatus.Expired && covers.FirstOrDefault() is { } cover)
            {
                await cover.ReleaseAsync(db, id, ct); // a request never decided gives back what it took
            }
            await notice.SendAsync(id, email, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// Reminds members of their confirmed bookings ReminderHours before the start; a booking made less
    /// than that ahead is reminded LateReminderHours before (none when made later still: the
    /// confirmation is fresh). Each reminder is claimed by a conditional UPDATE of ReminderSentAt in the
    /// transaction that queues it, so two instances sweeping at once send it once. Answers how many.
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (early, late) = (TimeSpan.FromHours(options.Value.ReminderHours), TimeSpan.FromHours(options.Value.LateReminderHours));
        if (early <= TimeSpan.Zero)
        {
            return 0;
        }
        var until = now + early;
        var coming = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.ReminderSentAt == null && b.MemberId != null && b.Start > now && b.Start <= until)
            .OrderBy(b => b.Start).Select(b => new { b.Id, b.Start, b.CreatedAt }).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var booking in coming)
        {
            var ahead = booking.Start - booking.CreatedAt;
            var due = ahead >= early ? booking.Start - early : ahead > late ? booking.Start - late : (DateTime?)null;
            if (due is { } at && at <= now)
            {
                sent += await RemindAsync(booking.Id, now, ct);
            }
        }
        return sent;
    }

    private async Task<int> RemindAsync(Guid id, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Bookings.Where(b => b.Id == id && b.ReminderSentAt == null && b.Status == BookingStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderSentAt, now), ct);
        if (claimed == 1)
        {
            var booking = await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == id, ct);
            await notice.SendAsync([booking], BookingEvent.Reminder, [], ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return claimed;
    }
}

/// Cotravail:Bookings: Sweep=false turns the sweeper off on an instance; SweepInterval is its period.
internal sealed class BookingSweeperOptions
{
    public bool Sweep { get; set; } = true;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// Reminders go this many hours before the start (0: none)…
    public double ReminderHours { get; set; } = 24;

    /// …or this many for bookings made less than ReminderHours ahead.
    public double LateReminderHours { get; set; } = 2;
}

internal sealed class BookingSweeperWorker(IServiceScopeFactory scopes, IOptions<BookingSweeperOptions> options, TimeProvider clock, ILogger<BookingSweeperWorker> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.Sweep;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sweeper = services.GetRequiredService<BookingSweeper>();
        var released = await sweeper.SweepAsync(ct);
        if (released > 0)
        {
            logger.LogInformation("Gave back {Count} slots (no-shows, expired requests, waitlist)", released);
        }
        var reminded = await sweeper.RemindAsync(ct);
        if (reminded > 0)
        {
            logger.LogInformation("Sent {Count} booking reminders", reminded);
        }
    }
}
