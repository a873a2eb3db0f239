using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Queues an email about a booking to its member, in their language, in the caller's unit of work.
internal sealed class BookingNotice(AppDb db, Outbox outbox)
{
    public async Task SendAsync(Guid bookingId, Func<Microsoft.Extensions.Localization.IStringLocalizer, string, string, DateTime, EmailContent> compose, CancellationToken ct)
    {
        var about = await db.Bookings.Where(b => b.Id == bookingId && b.MemberId != null)
            .Select(b => new
            {
                Member = db.Members.Where(m => m.Id == b.MemberId).Select(m => new { m.FirstName, m.Email, m.UserId }).First(),
                Resource = db.Resources.Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Zone = db.Locations.Where(l => l.Id == b.LocationId).Select(l => l.TimeZone).First(),
                b.Start,
            })
            .FirstOrDefaultAsync(ct);
        if (about is null)
        {
            return;
        }
        var culture = await db.Users.Where(u => u.Id == about.Member.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var localStart = WallClock.ToLocal(about.Start, TimeZoneInfo.FindSystemTimeZoneById(about.Zone));
        outbox.Enqueue(about.Member.Email, culture, l => compose(l, about.Member.FirstName, about.Resource, localStart));
    }
}
