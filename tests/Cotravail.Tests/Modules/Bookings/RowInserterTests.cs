using Cotravail.Common.Email;
using Cotravail.Common;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// The hand-built inserts of the booking hot path write what SaveChanges would have written, in one
/// go, and write nothing when the database refuses one of the rows.
public abstract class RowInserterTests(TestApp app)
{
    [Fact]
    public async Task A_booking_its_attendee_and_its_email_read_back_as_written_and_tracked_as_saved()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var start = DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(5).AddHours(9), DateTimeKind.Utc);
        var slot = new TimeSlot(start, start.AddMinutes(90));
        var booking = new Booking(world.Room, ResourceKind.MeetingRoom, world.Location, slot, slot.Widen(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)), booker.UserId, booker.MemberId,
            "Atelier « Été »", pending: true, app.Clock.GetUtcNow().UtcDateTime);
        booking.Price(4_250, "EUR", 20_000);
        var email = new OutboxMessage("someone@example.test", "Réservation", "Texte", null, "fr", app.Clock.GetUtcNow().UtcDateTime);

        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(email); // added first: the booking must still be written before what refers to it
            db.Bookings.Add(booking);
            db.BookingAttendees.Add(BookingAttendee.ForGuest(booking.Id, "guest@example.test", "Invitée", app.Clock.GetUtcNow().UtcDateTime));
            var pending = RowInserter.Pending(db);
            pending.ShouldNotBeNull();
            pending.Count.ShouldBe(3);
            await RowInserter.InsertAsync(db, pending, app.Services.GetRequiredService<BookingWriters>(), CancellationToken.None);
            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
        });

        var read = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        (read.ResourceId, read.LocationId, read.MemberId, read.BookedByUserId).ShouldBe((world.Room, world.Location, booker.MemberId, booker.UserId));
        (read.Start, read.End, read.BlockStart, read.BlockEnd).ShouldBe((slot.Start, slot.End, slot.Start.AddMinutes(-10), slot.End.AddMinutes(5)));
        (read.Status, read.Title, read.PriceCents, read.Currency, read.VatMilliPercent, read.Seat).ShouldBe((BookingStatus.Pending, "Atelier « Été »", 4_250L, "EUR", 20_000, booking.Seat));
        // found by the columns queries filter on: ids, status and times compare as EF Core writes them
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == booker.MemberId && b.Status == BookingStatus.Pending && b.Start >= slot.Start && b.Start < slot.End))).ShouldBe(1);
        (await app.WithDbAsync(db => db.BookingAttendees.CountAsync(a => a.BookingId == booking.Id && a.Email == "guest@example.test"))).ShouldBe(1);
        (await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Id == email.Id))).Subject.ShouldBe("Réservation");
    }

    [Fact]
    public async Task A_refused_row_writes_none_of_them_and_leaves_them_added()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var start = DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(6).AddHours(9), DateTimeKind.Utc);
        var slot = new TimeSlot(start, start.AddHours(1));
        await world.InsertAsync(booker, world.Room, start, TimeSpan.FromHours(1), createdAt: app.Clock.GetUtcNow().UtcDateTime);
        var overlapping = new Booking(world.Room, ResourceKind.MeetingRoom, world.Location, slot, slot, booker.UserId, booker.MemberId, "Twice", pending: false, app.Clock.GetUtcNow().UtcDateTime);
        var email = new OutboxMessage("twice@example.test", "Never sent", "Texte", null, "fr", app.Clock.GetUtcNow().UtcDateTime);

        await app.WithDbAsync(async db =>
        {
            db.Bookings.Add(overlapping);
            db.Outbox.Add(email);
            var pending = RowInserter.Pending(db)!;
            var refused = await Should.ThrowAsync<Exception>(() => RowInserter.InsertAsync(db, pending, app.Services.GetRequiredService<BookingWriters>(), CancellationToken.None));
            SeatWriter.IsOverlap(refused).ShouldBeTrue();
            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Added);
        });

        (await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Id == overlapping.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Id == email.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Anything_but_new_rows_of_plain_tables_is_left_to_save_changes()
    {
        var world = await BookingWorld.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var room = await db.Resources.SingleAsync(r => r.Id == world.Room);
            room.Name = "Renamed";
            RowInserter.Pending(db).ShouldBeNull(); // a modified row
            db.ChangeTracker.Clear();
            db.Resources.Add(new Resource(world.Location, "New room", ResourceKind.MeetingRoom, 4));
            RowInserter.Pending(db).ShouldBeNull(); // complex properties (policy, rates)
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RowInserterTests_Sqlite(SqliteTestApp app) : RowInserterTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RowInserterTests_Postgres(PostgresTestApp app) : RowInserterTests(app);
