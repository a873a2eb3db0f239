using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// The waitlist's "offer with expiry" mode: a freed slot is held for the first in line, who accepts it
/// before the offer expires, or declines it, and then it goes to the next in line.
public abstract class WaitlistOfferTests(TestApp app)
{
    private static readonly BookingPolicy OfferPolicy = new() { WaitlistMode = WaitlistMode.Offer, OfferMinutes = 30 };

    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    private static object Slot(BookingWorld world, DateTime start) => new
    {
        resourceId = world.Room,
        start = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        end = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
    };

    /// A taken slot, two members waiting for it in order; answers the holder's booking and the two entries.
    private async Task<(Booker Holder, Guid Held, Booker First, Guid FirstEntry, Booker Second, Guid SecondEntry)> LineAsync(BookingWorld world, DateTime start)
    {
        var holder = await world.NewMemberAsync();
        var first = await world.NewMemberAsync();
        var second = await world.NewMemberAsync();
        using var held = await world.BookAsync(holder.Client, world.Room, start, start.AddHours(1));
        held.StatusCode.ShouldBe(HttpStatusCode.Created);
        var heldId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var firstEntry = await JoinAsync(first, world, start);
        var secondEntry = await JoinAsync(second, world, start);
        return (holder, heldId, first, firstEntry, second, secondEntry);
    }

    private static async Task<Guid> JoinAsync(Booker who, BookingWorld world, DateTime start)
    {
        using var joined = await who.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start));
        joined.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<WaitlistEntry> EntryAsync(Guid id) => app.WithDbAsync(db => db.Waitlist.AsNoTracking().SingleAsync(w => w.Id == id));

    private Task<List<BookingStatus>> HoldersAsync(BookingWorld world, Guid memberId) => app.WithDbAsync(db =>
        db.Bookings.Where(b => b.ResourceId == world.Room && b.MemberId == memberId).Select(b => b.Status).ToListAsync());

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BookingSweeper>().SweepAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_freed_slot_is_held_and_offered_to_the_first_in_line_who_accepts_it()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(3).AddHours(10);
        var (holder, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        var before = app.Clock.GetUtcNow().UtcDateTime;

        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var offer = await EntryAsync(firstEntry);
        offer.Status.ShouldBe(WaitlistStatus.Offered);
        offer.OfferExpiresAt!.Value.ShouldBeInRange(before.AddMinutes(30), app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30));
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Pending]); // held for them, nobody else can book it
        (await world.BookAsync(second.Client, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var mail = await app.WithDbAsync(db => db.Outbox.Where(m => m.To == first.Email).Select(m => m.TextBody).SingleAsync());
        mail.ShouldContain("/me/bookings#waitlist");
        var mine = await first.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/waitlist");
        mine.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Offered");
        (await second.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var accepted = await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntryAsync(firstEntry)).Status.ShouldBe(WaitlistStatus.Booked);
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Confirmed]);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == first.Email))).ShouldBe(2); // the offer, then the booking
        (await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Waiting);
    }

    [Fact]
    public async Task Declining_passes_the_offer_to_the_next_in_line_at_once()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(4).AddHours(11);
        var (holder, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await EntryAsync(firstEntry)).Status.ShouldBe(WaitlistStatus.Declined);
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Cancelled]);
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Offered);
        (await HoldersAsync(world, second.MemberId)).ShouldBe([BookingStatus.Pending]);
        (await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Leaving the line with an open offer declines it too: the slot is free again for anyone.
        (await second.Client.DeleteAsync($"/api/v1/waitlist/{secondEntry}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Withdrawn);
        (await world.BookAsync(holder.Client, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancelling_the_hold_of_an_offer_declines_it_and_passes_it_on()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(4).AddHours(16);
        var (holder, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hold = (await EntryAsync(firstEntry)).BookingId!.Value;

        (await first.Client.PostAsync($"/api/v1/bookings/{hold}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await EntryAsync(firstEntry)).Status.ShouldBe(WaitlistStatus.Declined);
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Offered);
        (await HoldersAsync(world, second.MemberId)).ShouldBe([BookingStatus.Pending]);
    }

    [Fact]
    public async Task An_expired_offer_is_released_by_the_sweep_and_offered_to_the_next_who_is_told()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(5).AddHours(9);
        var (holder, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var past = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await app.WithDbAsync(db => db.Waitlist.Where(w => w.Id == firstEntry).ExecuteUpdateAsync(s => s.SetProperty(w => w.OfferExpiresAt, past)));

        (await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SweepAsync()).ShouldBeGreaterThanOrEqualTo(2); // one offer expired, one new offer

        (await EntryAsync(firstEntry)).Status.ShouldBe(WaitlistStatus.Expired);
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Expired]);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == first.Email))).ShouldBe(2); // the offer, then its expiry
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Offered);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == second.Email))).ShouldBe(1);
        (await second.Client.PostAsync($"/api/v1/waitlist/{secondEntry}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HoldersAsync(world, second.MemberId)).ShouldBe([BookingStatus.Confirmed]);
    }

    [Fact]
    public async Task Book_directly_stays_the_default_and_an_offer_hold_is_not_a_request_managers_decide()
    {
        var direct = await BookingWorld.CreateAsync(app);
        (await app.WithDbAsync(db => db.Resources.Where(r => r.Id == direct.Room).Select(r => r.Policy.WaitlistMode).SingleAsync()))
            .ShouldBe(WaitlistMode.BookDirectly);

        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(6).AddHours(15);
        var (holder, held, first, firstEntry, _, _) = await LineAsync(world, start);
        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hold = (await EntryAsync(firstEntry)).BookingId!.Value;
        var admin = TestApp.NewEmail("offer-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var manager = await app.ClientForAsync(admin);

        (await manager.PostAsync($"/api/v1/bookings/{hold}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Pending]);
    }

    [Fact]
    public async Task Accepting_while_the_offer_expires_has_exactly_one_outcome()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(7).AddHours(10);
        var (holder, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        (await holder.Client.PostAsync($"/api/v1/bookings/{held}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The offer expires in a moment: accepts and sweeps race across that instant.
        var soon = app.Clock.GetUtcNow().UtcDateTime.AddMilliseconds(30);
        await app.WithDbAsync(db => db.Waitlist.Where(w => w.Id == firstEntry).ExecuteUpdateAsync(s => s.SetProperty(w => w.OfferExpiresAt, soon)));

        var accepts = Enumerable.Range(0, 4).Select(async i =>
        {
            await Task.Delay(i * 15);
            using var response = await first.Client.PostAsync($"/api/v1/waitlist/{firstEntry}/accept", null);
            return response.StatusCode;
        }).ToList();
        var sweeps = Enumerable.Range(0, 3).Select(async _ =>
        {
            var expired = 0;
            for (var round = 0; round < 200 && (await EntryAsync(firstEntry)).Status == WaitlistStatus.Offered; round++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                expired += await scope.ServiceProvider.GetRequiredService<Waitlist>().ExpireOffersAsync(CancellationToken.None);
                await Task.Delay(5);
            }
            return expired;
        }).ToList();
        var answers = await Task.WhenAll(accepts);
        var expiries = (await Task.WhenAll(sweeps)).Sum();

        answers.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var entry = await EntryAsync(firstEntry);
        var holds = await HoldersAsync(world, first.MemberId);
        if (answers.Contains(HttpStatusCode.OK))
        {
            answers.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
            expiries.ShouldBe(0);
            entry.Status.ShouldBe(WaitlistStatus.Booked);
            holds.ShouldBe([BookingStatus.Confirmed]);
        }
        else
        {
            expiries.ShouldBe(1);
            entry.Status.ShouldBe(WaitlistStatus.Expired);
            holds.ShouldBe([BookingStatus.Expired]);
        }
        (await EntryAsync(secondEntry)).Status.ShouldBeOneOf(WaitlistStatus.Waiting, WaitlistStatus.Offered);
    }

    [Fact]
    public async Task Several_instances_sweeping_at_once_make_one_offer_per_freed_slot()
    {
        var world = await BookingWorld.CreateAsync(app, OfferPolicy);
        var start = Day(8).AddHours(14);
        var (_, held, first, firstEntry, second, secondEntry) = await LineAsync(world, start);
        // The slot frees without the cancel endpoint (a release, a staff decision): only the sweeps notice.
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == held).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Declined)));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SweepAsync)));

        (await EntryAsync(firstEntry)).Status.ShouldBe(WaitlistStatus.Offered);
        (await EntryAsync(secondEntry)).Status.ShouldBe(WaitlistStatus.Waiting);
        var holding = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)));
        holding.ShouldBe(1);
        (await HoldersAsync(world, first.MemberId)).ShouldBe([BookingStatus.Pending]);
        (await HoldersAsync(world, second.MemberId)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == first.Email))).ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WaitlistOfferTests_Sqlite(SqliteTestApp app) : WaitlistOfferTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WaitlistOfferTests_Postgres(PostgresTestApp app) : WaitlistOfferTests(app);
