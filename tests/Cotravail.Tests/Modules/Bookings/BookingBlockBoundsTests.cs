using Cotravail.Common;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Tests.Modules.Bookings;

/// A booking blocks its resource for at most two days, a rule of the database itself (migration 0022);
/// the SQLite overlap check reads only the resource's bookings of the last two days, and still finds a
/// long booking that began the day before.
public abstract class BookingBlockBoundsTests(TestApp app)
{
    private async Task<string> WriteAsync(BookingWorld world, Booker booker, DateTime blockStart, TimeSpan length)
    {
        var block = new TimeSlot(blockStart, blockStart + length);
        var booking = new Booking(world.Room, ResourceKind.MeetingRoom, world.Location, block, block, booker.UserId, booker.MemberId, "Long", pending: false, app.Clock.GetUtcNow().UtcDateTime);
        return await app.WithDbAsync(async db =>
        {
            db.Bookings.Add(booking);
            try
            {
                await db.SaveChangesAsync();
                return "written";
            }
            catch (DbUpdateException e) when (SeatWriter.IsOverlap(e))
            {
                return "overlap";
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation }
                || (e.InnerException is SqliteException s && s.Message.Contains("booking_too_long", StringComparison.Ordinal)))
            {
                return "too long";
            }
        });
    }

    [Fact]
    public async Task A_block_longer_than_two_days_is_refused_and_a_long_one_from_the_day_before_still_blocks()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var day = DateTime.SpecifyKind(app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(8), DateTimeKind.Utc);

        (await WriteAsync(world, booker, day, TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1))).ShouldBe("too long");
        (await WriteAsync(world, booker, day.AddHours(-10), TimeSpan.FromHours(33))).ShouldBe("written"); // the longest a booking can block
        (await WriteAsync(world, booker, day.AddHours(22), TimeSpan.FromMinutes(30))).ShouldBe("overlap"); // 32 h after its start
        (await WriteAsync(world, booker, day.AddHours(23), TimeSpan.FromMinutes(30))).ShouldBe("written"); // just after its end

        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room))).ShouldBe(2);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingBlockBoundsTests_Sqlite(SqliteTestApp app) : BookingBlockBoundsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingBlockBoundsTests_Postgres(PostgresTestApp app) : BookingBlockBoundsTests(app);
