using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// Check-in, no-show release, approval and expiry of pending requests.
public abstract class BookingLifecycleTests(TestApp app)
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BookingSweeper>().SweepAsync(CancellationToken.None);
    }

    private Task<BookingStatus> StatusAsync(Guid id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync());

    [Fact]
    public async Task A_member_checks_in_from_a_quarter_of_an_hour_before_the_start_and_not_earlier()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var soon = await world.InsertAsync(member, world.Room, Now.AddMinutes(10), TimeSpan.FromHours(1));
        var later = await world.InsertAsync(member, world.Zone, Now.AddHours(2), TimeSpan.FromHours(1));

        (await member.Client.PostAsync($"/api/v1/bookings/{later}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var checkedIn = await member.Client.PostAsync($"/api/v1/bookings/{soon}/check-in", null);

        checkedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == soon).Select(b => b.CheckedInAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_no_show_is_released_and_told_while_a_checked_in_booking_is_kept()
    {
        var world = await BookingWorld.CreateAsync(app);
        var absent = await world.NewMemberAsync();
        var present = await world.NewMemberAsync();
        var noShow = await world.InsertAsync(absent, world.Room, Now.AddMinutes(-20), TimeSpan.FromHours(2));
        var kept = await world.InsertAsync(present, world.Zone, Now.AddMinutes(-5), TimeSpan.FromHours(2));
        (await present.Client.PostAsync($"/api/v1/bookings/{kept}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SweepAsync();

        (await StatusAsync(noShow)).ShouldBe(BookingStatus.Released);
        (await StatusAsync(kept)).ShouldBe(BookingStatus.Confirmed);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == absent.Email))).ShouldBe(1);
        (await SweepAsync()).ShouldBe(0, "a released booking is released once");
    }

    [Fact]
    public async Task The_background_job_releases_a_no_show_without_a_restart()
    {
        var world = await BookingWorld.CreateAsync(app);
        var absent = await world.NewMemberAsync();
        await using var instance = app.WithWebHostBuilder(b => b
            .UseSetting("Cotravail:Bookings:Sweep", "true")
            .UseSetting("Cotravail:Bookings:SweepInterval", "00:00:00.200"));
        _ = instance.Services;

        var noShow = await world.InsertAsync(absent, world.Room, Now.AddMinutes(-30), TimeSpan.FromHours(2));

        var status = BookingStatus.Confirmed;
        for (var i = 0; i < 100 && status == BookingStatus.Confirmed; i++)
        {
            await Task.Delay(100);
            status = await StatusAsync(noShow);
        }
        status.ShouldBe(BookingStatus.Released);
    }

    [Fact]
    public async Task A_request_holds_its_slot_until_a_manager_decides_and_only_one_decision_counts()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { RequiresApproval = true });
        var member = await world.NewMemberAsync();
        var other = await world.MemberClientAsync();
        var start = TimeZoneInfo.ConvertTimeFromUtc(Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(4).AddHours(10);
        using var requested = await world.BookAsync(member.Client, world.Room, start, start.AddHours(1));
        var request = await requested.Content.ReadFromJsonAsync<JsonElement>();
        request.GetProperty("status").GetString().ShouldBe("Pending");
        var id = request.GetProperty("id").GetGuid();
        (await world.BookAsync(other, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await member.Client.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admins = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var email = TestApp.NewEmail("approver");
            await app.CreateUserAsync(email, networkAdmin: true);
            return await app.ClientForAsync(email);
        }));
        var answers = await Task.WhenAll(admins.Select(a => a.PostAsync($"/api/v1/bookings/{id}/approve", null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await StatusAsync(id)).ShouldBe(BookingStatus.Confirmed);
        var emails = await app.EmailsToAsync(member.Email);
        emails.Select(m => m.Subject).ShouldBe(["Votre demande pour Salle Tilleul a bien été reçue", "Votre réservation de Salle Tilleul est confirmée"],
            "the request's acknowledgement, then one decision");
        emails[1].AttachmentType.ShouldBe("text/calendar; method=REQUEST; charset=utf-8");
    }

    [Fact]
    public async Task A_declined_or_expired_request_frees_the_slot()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { RequiresApproval = true });
        var member = await world.NewMemberAsync();
        var admin = TestApp.NewEmail("decider");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var manager = await app.ClientForAsync(admin);
        var stale = await world.InsertAsync(member, world.Room, Now.AddDays(5), TimeSpan.FromHours(1), pending: true, createdAt: Now.AddDays(-3));
        var fresh = await world.InsertAsync(member, world.Zone, Now.AddDays(5), TimeSpan.FromHours(1), pending: true, createdAt: Now);

        await SweepAsync();
        (await manager.PostAsync($"/api/v1/bookings/{fresh}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await StatusAsync(stale)).ShouldBe(BookingStatus.Expired);
        (await StatusAsync(fresh)).ShouldBe(BookingStatus.Declined);
        (await manager.PostAsync($"/api/v1/bookings/{fresh}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingLifecycleTests_Sqlite(SqliteTestApp app) : BookingLifecycleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingLifecycleTests_Postgres(PostgresTestApp app) : BookingLifecycleTests(app);
