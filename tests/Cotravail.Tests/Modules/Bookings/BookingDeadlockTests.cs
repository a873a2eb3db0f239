using System.Net;
using Cotravail.Common;
using Cotravail.Modules.Bookings;
using Cotravail.Tests.Infrastructure;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// PostgreSQL: two writes of overlapping slots in flight can each wait for the other's uncommitted row
/// (the exclusion constraint's check), and PostgreSQL then aborts one of them as a deadlock. The booking
/// path retries once behind the resource's advisory lock, and counts a second deadlock as the slot taken:
/// the member gets 201 or 409, never a 500, and the database never holds an overlap.
[Collection(PostgresCollection.Name)]
public sealed class BookingDeadlockTests(PostgresTestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_booking_caught_in_a_deadlock_answers_201_or_409_and_never_overlaps()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var day = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(6);
        TimeSlot Utc(int fromMinutes, int toMinutes) => new(
            TimeZoneInfo.ConvertTimeToUtc(day.AddHours(10).AddMinutes(fromMinutes), Paris), TimeZoneInfo.ConvertTimeToUtc(day.AddHours(10).AddMinutes(toMinutes), Paris));
        Booking Row(TimeSlot slot) => new(world.Room, ResourceKind.MeetingRoom, world.Location, slot, slot, member.UserId, member.MemberId, "Held", pending: false, app.Clock.GetUtcNow().UtcDateTime);

        await using var scope = app.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<Cotravail.Common.Database.AppDb>();
        await using var tx = await other.Database.BeginTransactionAsync();
        other.Bookings.Add(Row(Utc(0, 60))); // 10:00–11:00, not committed yet
        await other.SaveChangesAsync();

        // 10:30–11:30 through the API: its insert waits for the uncommitted 10:00–11:00
        var booking = world.BookAsync(member.Client, world.Room, day.AddHours(10).AddMinutes(30), day.AddHours(11).AddMinutes(30));
        await Task.Delay(500);
        // 11:00–11:30 in the other transaction waits for the API's row: a cycle, which PostgreSQL breaks
        string otherOutcome;
        try
        {
            other.Bookings.Add(Row(Utc(60, 90)));
            await other.SaveChangesAsync();
            await tx.CommitAsync();
            otherOutcome = "committed";
        }
        catch (DbUpdateException e) when (SeatWriter.IsOverlap(e))
        {
            otherOutcome = "refused";
        }

        using var answer = await booking;
        answer.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.Conflict], $"{answer.StatusCode} while the other transaction was {otherOutcome}: {await answer.Content.ReadAsStringAsync()}");
        var held = await app.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == world.Room && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.BlockStart).Select(b => new { b.BlockStart, b.BlockEnd }).ToListAsync());
        held.Zip(held.Skip(1)).ShouldAllBe(p => p.First.BlockEnd <= p.Second.BlockStart);
        (held.Count > 0).ShouldBeTrue();
    }
}
