using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;

namespace Cotravail.Tests.Modules.Community;

/// Who's in today: only members who share it, from today's bookings, for those at the location.
public abstract class WhoIsInTests(TestApp app)
{
    [Fact]
    public async Task Members_who_share_their_presence_appear_to_those_at_the_location_today()
    {
        var world = await BookingWorld.CreateAsync(app);
        var sharing = await world.NewMemberAsync();
        var discreet = await world.NewMemberAsync();
        var neighbour = await world.NewMemberAsync();
        var elsewhere = await BookingWorld.CreateAsync(app);
        var visitor = await elsewhere.NewMemberAsync();
        var stranger = await elsewhere.NewMemberAsync();
        await ShareAsync(sharing.MemberId, true);
        await ShareAsync(discreet.MemberId, false);
        await BookTodayAsync(world, sharing.MemberId, sharing.UserId, seat: 1, checkIn: true);
        await BookTodayAsync(world, discreet.MemberId, discreet.UserId, seat: 2, checkIn: true);
        await BookTodayAsync(world, visitor.MemberId, visitor.UserId, seat: 3, checkIn: false);

        var seen = await neighbour.Client.GetFromJsonAsync<JsonElement>("/api/v1/community/today");

        var people = seen.GetProperty("people").EnumerateArray().ToList();
        people.Select(p => p.GetProperty("card").GetProperty("id").GetGuid()).ShouldBe([sharing.MemberId]);
        people[0].GetProperty("checkedIn").GetBoolean().ShouldBeTrue();
        // A member from another location sees it on the day they are there, not otherwise.
        (await visitor.Client.GetAsync($"/api/v1/community/today?locationId={world.Location}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.Client.GetAsync($"/api/v1/community/today?locationId={world.Location}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var browser = await app.BrowserClientAsync(neighbour.Email);
        var (html, doc) = await TestApp.GetHtmlAsync(browser, $"/community/today?locationId={world.Location}&screen=true");
        doc.QuerySelector("meta[http-equiv=refresh]").ShouldNotBeNull();
        doc.QuerySelectorAll(".member-card").Length.ShouldBe(1);
        html.ShouldNotContain(discreet.MemberId.ToString());
    }

    private Task ShareAsync(Guid memberId, bool share) => app.WithDbAsync(async db =>
    {
        var privacy = new MemberPrivacy(memberId);
        privacy.Apply(new PrivacyChoices { SharePresence = share }, app.Clock.GetUtcNow().UtcDateTime);
        db.Add(privacy);
        await db.SaveChangesAsync();
    });

    private Task BookTodayAsync(BookingWorld world, Guid memberId, Guid userId, int seat, bool checkIn) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var slot = new TimeSlot(now.AddMinutes(-30), now.AddHours(2));
        var booking = new Booking(world.Zone, ResourceKind.HotDeskZone, world.Location, slot, slot, userId, memberId, "", pending: false, now);
        booking.AssignSeat(seat);
        if (checkIn)
        {
            booking.CheckIn(now).ShouldBeTrue();
        }
        db.Add(booking);
        await db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class WhoIsInTests_Sqlite(SqliteTestApp app) : WhoIsInTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WhoIsInTests_Postgres(PostgresTestApp app) : WhoIsInTests(app);
