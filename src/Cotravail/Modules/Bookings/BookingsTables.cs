using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class BookingsTables
{
    extension(AppDb db)
    {
        public DbSet<Booking> Bookings => db.Set<Booking>();
        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
        public DbSet<BookingAttendee> BookingAttendees => db.Set<BookingAttendee>();
        public DbSet<WaitlistEntry> Waitlist => db.Set<WaitlistEntry>();
    }
}
