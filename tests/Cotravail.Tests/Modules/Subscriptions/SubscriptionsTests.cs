using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Subscriptions;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Subscriptions;

/// Subscriptions on both engines: balances that concurrent bookings never overdraw (the database's CHECK and
/// the lock), a bundle's day covering every booking of that day, cancellation with notice, pauses, changes of
/// plan billed pro rata, and the refusals that name their field.
public abstract class SubscriptionsTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Thirty_parallel_bookings_paid_from_ten_hours_of_credit_never_overdraw_it()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var rooms = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            rooms.Add(await PostAsync(admin, "/api/v1/resources", TestData.Room(world.Location, $"Salle crédit {i}")));
        }
        var plan = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "MonthlyPlan", nameFr = "Résident", nameEn = "Resident", price = 250m, vatPercent = 20m, space = "OpenSpace",
            resourceKinds = new[] { "HotDeskZone" }, credits = new[] { new { kind = "MeetingRoomHours", amount = 10 } },
        });
        var subscription = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = plan, memberId = world.MemberId });
        using var member = await app.ClientForAsync(world.MemberEmail);
        var day = Open(Today().AddDays(20));

        var answers = await Task.WhenAll(rooms.SelectMany(room => Enumerable.Range(9, 10).Select(async hour =>
        {
            using var response = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = room, start = At(day, hour), end = At(day, hour + 1) });
            return response.StatusCode;
        })));

        answers.ShouldAllBe(s => s == HttpStatusCode.Created);
        var (allowances, uses, prices) = await app.WithDbAsync(async db => (
            await db.Allowances.AsNoTracking().Where(a => a.SubscriptionId == subscription).ToListAsync(),
            await db.AllowanceUses.AsNoTracking().Where(u => u.SubscriptionId == subscription).ToListAsync(),
            await db.Bookings.AsNoTracking().Where(b => rooms.Contains(b.ResourceId)).Select(b => b.PriceCents).ToListAsync()));
        allowances.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Unit.ShouldBe(AllowanceUnit.Minutes), a => a.Granted.ShouldBe(600), a => a.Used.ShouldBe(600));
        uses.Sum(u => u.Amount).ShouldBe(600);
        prices.Count(p => p == 0).ShouldBe(10);
        prices.Count(p => p == 2_550).ShouldBe(20);

        // The database itself refuses a balance below zero or above what was granted.
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db =>
            db.Allowances.Where(a => a.SubscriptionId == subscription).ExecuteUpdateAsync(x => x.SetProperty(a => a.Used, 601))));
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db =>
            db.Allowances.Where(a => a.SubscriptionId == subscription).ExecuteUpdateAsync(x => x.SetProperty(a => a.Used, -1))));
    }

    [Fact]
    public async Task A_bundle_day_covers_every_booking_of_that_day_and_comes_back_when_they_are_all_cancelled()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var desk = await PostAsync(admin, "/api/v1/resources", new { locationId = world.Location, name = "Open space", kind = "HotDeskZone", capacity = 10, memberHourly = 4m, memberDay = 18m });
        var bundle = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "Bundle", nameFr = "Carnet 10 jours", nameEn = "10-day bundle", price = 150m, vatPercent = 20m, passCount = 10,
            validityDays = 180, resourceKinds = new[] { "HotDeskZone" },
        });
        var subscription = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = bundle, memberId = world.MemberId });
        using var member = await app.ClientForAsync(world.MemberEmail);
        var day = Open(Today().AddDays(15));

        var morning = await PostAsync(member, "/api/v1/bookings", new { resourceId = desk, start = At(day, 9), end = At(day, 12) });
        var afternoon = await PostAsync(member, "/api/v1/bookings", new { resourceId = desk, start = At(day, 14), end = At(day, 17) });
        var room = await PostAsync(admin, "/api/v1/resources", TestData.Room(world.Location, "Salle non couverte"));
        var meeting = await PostAsync(member, "/api/v1/bookings", new { resourceId = room, start = At(day, 10), end = At(day, 11) });

        (await BalanceAsync(member, subscription)).ShouldBe((10, 1));
        (await PriceAsync(morning)).ShouldBe(0);
        (await PriceAsync(afternoon)).ShouldBe(0);
        (await PriceAsync(meeting)).ShouldBe(2_550); // a meeting room is not what the bundle covers

        // moved to the next day, the morning takes that day and the afternoon keeps this one
        var next = Open(day.AddDays(1));
        using (var moved = await member.PatchAsJsonAsync($"/api/v1/bookings/{morning}", new { start = At(next, 9), end = At(next, 12) }))
        {
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        }
        (await BalanceAsync(member, subscription)).ShouldBe((10, 2));
        (await PriceAsync(morning)).ShouldBe(0);

        (await member.PostAsync($"/api/v1/bookings/{morning}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BalanceAsync(member, subscription)).ShouldBe((10, 1)); // the afternoon still holds the day
        (await member.PostAsync($"/api/v1/bookings/{afternoon}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BalanceAsync(member, subscription)).ShouldBe((10, 0));
    }

    [Fact]
    public async Task Ten_parallel_desk_days_from_a_three_day_bundle_take_exactly_three()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var desk = await PostAsync(admin, "/api/v1/resources", new { locationId = world.Location, name = "Open space", kind = "HotDeskZone", capacity = 10, memberDay = 18m });
        var bundle = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "Bundle", nameFr = "Carnet 3 jours", nameEn = "3-day bundle", price = 45m, vatPercent = 20m, passCount = 3,
            validityDays = 60, resourceKinds = new[] { "HotDeskZone" },
        });
        var subscription = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = bundle, memberId = world.MemberId });
        using var member = await app.ClientForAsync(world.MemberEmail);

        var days = Enumerable.Range(10, 11).Select(offset => Today().AddDays(offset)).Where(d => Open(d) == d).Take(10).ToList();
        var answers = await Task.WhenAll(days.Select(async day =>
        {
            using var response = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = desk, start = At(day, 9), end = At(day, 18) });
            return response.StatusCode;
        }));

        answers.ShouldAllBe(s => s == HttpStatusCode.Created);
        (await BalanceAsync(member, subscription)).ShouldBe((3, 3));
        var prices = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ResourceId == desk).Select(b => b.PriceCents).ToListAsync());
        prices.Count(p => p == 0).ShouldBe(3);
        prices.Count(p => p == 1_800).ShouldBe(7);
    }

    [Fact]
    public async Task A_series_takes_the_bundle_days_first_then_pays_and_all_or_nothing_covers_every_occurrence()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var desk = await PostAsync(admin, "/api/v1/resources", new { locationId = world.Location, name = "Open space", kind = "HotDeskZone", capacity = 10, memberDay = 18m });
        var bundle = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "Bundle", nameFr = "Carnet 3 jours", nameEn = "3-day bundle", price = 45m, vatPercent = 20m, passCount = 3,
            validityDays = 120, resourceKinds = new[] { "HotDeskZone" },
        });
        var subscription = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = bundle, memberId = world.MemberId });
        using var member = await app.ClientForAsync(world.MemberEmail);
        var first = Today().AddDays(40); // weekly from there: no closed day among them

        var series = await JsonAsync(member.PostAsJsonAsync("/api/v1/bookings/series", new
        {
            resourceId = desk, start = At(first, 9), end = At(first, 18), frequency = "Weekly", count = 4, mode = "AvailableOnly",
        }));
        var booked = series.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
        booked.Count.ShouldBe(4);
        var prices = new List<long>();
        foreach (var id in booked)
        {
            prices.Add(await PriceAsync(id));
        }
        prices.ShouldBe([0, 0, 0, 1_800], "the bundle's three days first, then the resource's price");
        (await BalanceAsync(member, subscription)).ShouldBe((3, 3));

        foreach (var id in booked)
        {
            (await member.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await BalanceAsync(member, subscription)).ShouldBe((3, 0));

        var whole = await JsonAsync(member.PostAsJsonAsync("/api/v1/bookings/series", new
        {
            resourceId = desk, start = At(first, 9), end = At(first, 18), frequency = "Weekly", count = 3, mode = "AllOrNothing",
        }));
        foreach (var id in whole.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()))
        {
            (await PriceAsync(id)).ShouldBe(0);
        }
        (await BalanceAsync(member, subscription)).ShouldBe((3, 3));
    }

    [Fact]
    public async Task A_member_cancels_after_the_notice_and_bad_dates_are_refused_by_field()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var plan = await PlanAsync(admin, world, "MonthlyPlan");
        var annual = await PlanAsync(admin, world, "AnnualPlan");
        var monthly = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = plan, memberId = world.MemberId });
        var yearly = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = annual, memberId = world.MemberId });
        using var member = await app.ClientForAsync(world.MemberEmail);

        await RefusedAsync(member.PostAsJsonAsync($"/api/v1/subscriptions/{monthly}/cancel", new { endsOn = Text(Today().AddDays(1)) }), "endsOn");
        await RefusedAsync(member.PostAsJsonAsync($"/api/v1/subscriptions/{monthly}/cancel", new { endsOn = "demain" }), "endsOn");
        var cancelled = await JsonAsync(member.PostAsJsonAsync($"/api/v1/subscriptions/{monthly}/cancel", new { }));
        cancelled.GetProperty("endsOn").GetString().ShouldBe(Text(Today().AddDays(30)));
        // a year is paid whole: it ends on the last day of the year paid for once the notice has run
        var year = await JsonAsync(member.PostAsJsonAsync($"/api/v1/subscriptions/{yearly}/cancel", new { }));
        year.GetProperty("endsOn").GetString().ShouldBe(Text(Today().AddYears(1).AddDays(-1)));
        using var manager = await app.ClientForAsync(world.ManagerEmail);
        await RefusedAsync(manager.PostAsJsonAsync($"/api/v1/subscriptions/{yearly}/pause", new { from = Text(Today().AddDays(3)), to = Text(Today().AddDays(9)) }),
            "from", HttpStatusCode.Conflict);
        await RefusedAsync(admin.PostAsJsonAsync("/api/v1/subscriptions", new { offerId = plan, memberId = world.MemberId, startsOn = "2026-13-01" }), "startsOn");
        await RefusedAsync(admin.PostAsJsonAsync("/api/v1/subscriptions", new { memberId = world.MemberId }), "offerId");
    }

    [Fact]
    public async Task A_change_of_plan_and_a_pause_are_billed_pro_rata_of_the_days_of_the_month()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var small = await PlanAsync(admin, world, "MonthlyPlan", price: 310m);
        var large = await PlanAsync(admin, world, "MonthlyPlan", price: 620m);
        // a month far ahead, so that nothing else of this database is billed in it
        var month = new BillingPeriod(Today().Year + 2, 3);
        var first = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = small, memberId = world.Team[1], startsOn = Text(Today()) });
        await app.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == first).ExecuteUpdateAsync(x => x.SetProperty(s => s.StartsOn, month.First.AddMonths(-2))));
        // staff change it on 11 March: 10 days of the small plan, 21 of the large one
        await app.WithDbAsync(async db =>
        {
            var s = await db.Subscriptions.FirstAsync(x => x.Id == first);
            s.EndOn(month.First.AddDays(9), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var second = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = large, memberId = world.Team[1], startsOn = Text(Today()) });
        await app.WithDbAsync(async db =>
        {
            await db.Subscriptions.Where(s => s.Id == second).ExecuteUpdateAsync(x => x.SetProperty(s => s.StartsOn, month.First.AddDays(10)));
            var s = await db.Subscriptions.FirstAsync(x => x.Id == second);
            s.Pause(month.First.AddDays(20), month.First.AddDays(26)); // 7 days paused
            await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CollectCharges>().HandleAsync(month, CancellationToken.None);
        }

        var charges = await app.WithDbAsync(db => db.Charges.AsNoTracking().Where(c => c.SourcePeriod == month.ToString() && (c.SourceId == first || c.SourceId == second)).ToListAsync());
        charges.Single(c => c.SourceId == first).ShouldSatisfyAllConditions(
            c => c.UnitPriceCents.ShouldBe(10_000), c => c.Source.ShouldBe(ChargeSource.Subscription), c => c.CompanyId.ShouldBe(world.CompanyId),
            c => c.ServiceEnd.ShouldBe(month.First.AddDays(9)));
        charges.Single(c => c.SourceId == second).UnitPriceCents.ShouldBe(28_000); // (21 - 7) / 31 × 620 €
    }

    [Fact]
    public async Task Staff_change_a_running_plan_from_today_and_the_old_one_ends_the_day_before()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var small = await PlanAsync(admin, world, "MonthlyPlan", price: 200m);
        var large = await PlanAsync(admin, world, "MonthlyPlan", price: 400m);
        var old = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = small, memberId = world.MemberId, startsOn = Text(Today().AddDays(-40)) });
        using var manager = await app.ClientForAsync(world.ManagerEmail);

        var changed = await JsonAsync(manager.PostAsJsonAsync($"/api/v1/subscriptions/{old}/change", new { offerId = large }), HttpStatusCode.Created);

        changed.GetProperty("startsOn").GetString().ShouldBe(Text(Today()));
        changed.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(400m);
        var before = await JsonAsync(manager.GetAsync($"/api/v1/subscriptions/{old}"));
        before.GetProperty("endsOn").GetString().ShouldBe(Text(Today().AddDays(-1)));
        before.GetProperty("replacedById").GetGuid().ShouldBe(changed.GetProperty("id").GetGuid());
        await RefusedAsync(manager.PostAsJsonAsync($"/api/v1/subscriptions/{changed.GetProperty("id").GetGuid()}/change", new { offerId = large, from = Text(Today().AddDays(-3)) }), "from");
    }

    [Fact]
    public async Task A_company_admin_buys_a_pass_that_the_company_pays_and_the_member_sees_it()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var pass = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "DayPass", nameFr = "Pass jour", nameEn = "Day pass", price = 20m, vatPercent = 20m, resourceKinds = new[] { "HotDeskZone" },
        });
        using var companyAdmin = await app.ClientForAsync(world.CompanyAdminEmail);

        var bought = await JsonAsync(companyAdmin.PostAsJsonAsync($"/api/v1/offers/{pass}/buy", new { }), HttpStatusCode.Created);

        bought.GetProperty("invoiceId").ValueKind.ShouldBe(JsonValueKind.Null); // the company is billed by the monthly run
        var subscription = bought.GetProperty("subscription");
        subscription.GetProperty("payerCompanyId").GetGuid().ShouldBe(world.CompanyId);
        subscription.GetProperty("state").GetString().ShouldBe("Active");
        subscription.GetProperty("balances")[0].GetProperty("left").GetInt32().ShouldBe(1);
        var mine = await JsonAsync(companyAdmin.GetAsync("/api/v1/subscriptions"));
        mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(subscription.GetProperty("id").GetGuid());
        using var other = await app.ClientForAsync(world.MemberEmail);
        (await other.GetAsync($"/api/v1/subscriptions/{subscription.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_plans_only_booth_is_booked_by_plan_holders_alone_and_a_free_one_by_anyone_at_no_cost()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync(world);
        var booth = await PostAsync(admin, "/api/v1/resources", new { locationId = world.Location, name = "Cabine résidents", kind = "PhoneBooth", capacity = 1, pricing = "PlansOnly" });
        var free = await PostAsync(admin, "/api/v1/resources", new { locationId = world.Location, name = "Cabine libre", kind = "PhoneBooth", capacity = 1, pricing = "Free" });
        var plan = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "MonthlyPlan", nameFr = "Résident", nameEn = "Resident", price = 250m, vatPercent = 20m, space = "OpenSpace",
            resourceKinds = new[] { "HotDeskZone", "PhoneBooth" },
        });
        using var member = await app.ClientForAsync(world.MemberEmail);
        var day = Open(Today().AddDays(12));

        await RefusedAsync(member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = booth, start = At(day, 10), end = At(day, 11) }), "resourceId");
        var anyone = await PostAsync(member, "/api/v1/bookings", new { resourceId = free, start = At(day, 10), end = At(day, 11) });
        (await PriceAsync(anyone)).ShouldBe(0);

        await PostAsync(admin, "/api/v1/subscriptions", new { offerId = plan, memberId = world.MemberId });
        var holder = await PostAsync(member, "/api/v1/bookings", new { resourceId = booth, start = At(day, 14), end = At(day, 15) });
        (await PriceAsync(holder)).ShouldBe(0);
        var resource = await JsonAsync(admin.GetAsync($"/api/v1/resources/{booth}"));
        resource.GetProperty("pricing").GetString().ShouldBe("PlansOnly");
    }

    private async Task<HttpClient> AdminAsync(BillingWorld world)
    {
        var email = TestApp.NewEmail("subscriptions-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return await app.ClientForAsync(email);
    }

    private static Task<Guid> PlanAsync(HttpClient admin, BillingWorld world, string kind, decimal price = 250m) => PostAsync(admin, "/api/v1/offers", new
    {
        locationId = world.Location, kind, nameFr = $"Forfait {kind}", nameEn = $"{kind} plan", price, vatPercent = 20m, space = "OpenSpace",
        resourceKinds = new[] { "HotDeskZone" },
    });

    private async Task<(int Granted, int Used)> BalanceAsync(HttpClient client, Guid subscription)
    {
        var days = (await JsonAsync(client.GetAsync($"/api/v1/subscriptions/{subscription}"))).GetProperty("balances").EnumerateArray()
            .First(b => b.GetProperty("unit").GetString() == "Days");
        return (days.GetProperty("granted").GetInt32(), days.GetProperty("used").GetInt32());
    }

    private Task<long> PriceAsync(Guid booking) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking).Select(b => b.PriceCents).FirstAsync());

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris));

    /// The test locations close on 25 December (TestData.Location): the next day then.
    private static DateOnly Open(DateOnly day) => day is { Month: 12, Day: 25 } ? day.AddDays(1) : day;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string At(DateOnly day, int hour) => $"{Text(day)}T{hour:D2}:00";

    private static async Task<Guid> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field, text);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SubscriptionsTests_Sqlite(SqliteTestApp app) : SubscriptionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SubscriptionsTests_Postgres(PostgresTestApp app) : SubscriptionsTests(app);
