using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;

namespace Cotravail.Tests.Modules.Resources;

/// Operators set a resource's booking rules through the "policy" object of POST/PUT /api/v1/resources.
public abstract class ResourcePolicyApiTests(TestApp app)
{
    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static object Room(Guid location, object? policy = null) => policy is null
        ? new { locationId = location, name = $"Salle {Guid.NewGuid():N}"[..16], kind = "MeetingRoom", capacity = 4, memberHourly = 20m }
        : new { locationId = location, name = $"Salle {Guid.NewGuid():N}"[..16], kind = "MeetingRoom", capacity = 4, memberHourly = 20m, policy };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(status, body.ToString());
            return body;
        }
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            return body.GetProperty("errors");
        }
    }

    [Fact]
    public async Task A_resource_created_without_a_policy_gets_the_default_rules_and_shows_them()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);

        var created = await OkAsync(await admin.PostAsJsonAsync("/api/v1/resources", Room(world.Location)), HttpStatusCode.Created);
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{created.GetProperty("id").GetGuid()}");

        var policy = shown.GetProperty("policy");
        policy.GetProperty("minMinutes").GetInt32().ShouldBe(BookingPolicy.Default.MinMinutes);
        policy.GetProperty("maxMinutes").GetInt32().ShouldBe(BookingPolicy.Default.MaxMinutes);
        policy.GetProperty("incrementMinutes").GetInt32().ShouldBe(BookingPolicy.Default.IncrementMinutes);
        policy.GetProperty("membersOnly").GetBoolean().ShouldBeTrue();
        policy.GetProperty("requiresApproval").GetBoolean().ShouldBeFalse();
        policy.GetProperty("maxHoursPerWeek").ValueKind.ShouldBe(JsonValueKind.Null);
        policy.GetProperty("maxBookingsPerWeek").ValueKind.ShouldBe(JsonValueKind.Null);
        policy.GetProperty("waitlistMode").GetString().ShouldBe("BookDirectly");
        policy.GetProperty("offerMinutes").GetInt32().ShouldBe(60);
    }

    [Fact]
    public async Task A_resource_created_with_a_policy_keeps_it_and_fields_left_out_take_their_defaults()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);

        var created = await OkAsync(await admin.PostAsJsonAsync("/api/v1/resources", Room(world.Location, new
        {
            setupMinutes = 15, cleanupMinutes = 10, minMinutes = 60, maxMinutes = 240, incrementMinutes = 15, windowDays = 30, requiresApproval = true,
            membersOnly = false, freeCancellationHours = 48, lateCancellationPercent = 100, maxHoursPerWeek = 6, maxBookingsPerWeek = 3,
            waitlistMode = "Offer", offerMinutes = 45,
        })), HttpStatusCode.Created);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Resources.Single(r => r.Id == created.GetProperty("id").GetGuid()).Policy));

        stored.ShouldBe(new BookingPolicy
        {
            SetupMinutes = 15, CleanupMinutes = 10, MinMinutes = 60, MaxMinutes = 240, IncrementMinutes = 15, WindowDays = 30, RequiresApproval = true,
            MembersOnly = false, FreeCancellationHours = 48, LateCancellationPercent = 100, MaxHoursPerWeek = 6, MaxBookingsPerWeek = 3,
            CheckInMinutes = BookingPolicy.Default.CheckInMinutes, WaitlistMode = WaitlistMode.Offer, OfferMinutes = 45,
        });
        created.GetProperty("policy").GetProperty("maxBookingsPerWeek").GetInt32().ShouldBe(3);
        created.GetProperty("policy").GetProperty("checkInMinutes").GetInt32().ShouldBe(15);
    }

    [Fact]
    public async Task An_update_without_a_policy_keeps_the_current_one_and_an_update_with_one_replaces_it()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 4, CleanupMinutes = 30 });
        var admin = await app.ClientForAsync(world.AdminEmail);
        var body = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{world.Room}"))!;
        body.Remove("policy");
        body["description"] = "Sans règles";

        var kept = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/resources/{world.Room}", body));
        body["policy"] = new JsonObject { ["requiresApproval"] = true };
        var replaced = await OkAsync(await admin.PutAsJsonAsync($"/api/v1/resources/{world.Room}", body));

        kept.GetProperty("description").GetString().ShouldBe("Sans règles");
        kept.GetProperty("policy").GetProperty("maxBookingsPerWeek").GetInt32().ShouldBe(4);
        kept.GetProperty("policy").GetProperty("cleanupMinutes").GetInt32().ShouldBe(30);
        replaced.GetProperty("policy").GetProperty("requiresApproval").GetBoolean().ShouldBeTrue();
        replaced.GetProperty("policy").GetProperty("maxBookingsPerWeek").ValueKind.ShouldBe(JsonValueKind.Null);
        replaced.GetProperty("policy").GetProperty("cleanupMinutes").GetInt32().ShouldBe(0);
        (await app.WithDbAsync(db => Task.FromResult(db.Resources.Single(r => r.Id == world.Room).Policy)))
            .ShouldBe(BookingPolicy.Default with { RequiresApproval = true });
    }

    [Fact]
    public async Task A_change_of_booking_rules_is_recorded_in_the_audit_log()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);

        await world.SetPolicyAsync(world.Room, BookingPolicy.Default); // the same rules: nothing to record
        await world.SetPolicyAsync(world.Room, BookingPolicy.Default with { LateCancellationPercent = 100, MaxBookingsPerWeek = 2 });

        var entries = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=booking-rules.changed&targetId={world.Room}")).GetProperty("items");
        entries.GetArrayLength().ShouldBe(1);
        entries[0].GetProperty("detail").GetString().ShouldBe("Salle Tilleul: lateCancellationPercent 50 → 100; maxBookingsPerWeek — → 2");
    }

    [Fact]
    public async Task Each_bad_policy_field_is_refused_with_its_name()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);

        var outOfRange = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/resources", Room(world.Location, new
        {
            setupMinutes = 241, cleanupMinutes = -1, minMinutes = 4, maxMinutes = 1441, incrementMinutes = 7, windowDays = 0, freeCancellationHours = 721,
            lateCancellationPercent = 101, maxHoursPerWeek = 0, maxBookingsPerWeek = 0, checkInMinutes = 241, offerMinutes = 4,
        })));
        var inconsistent = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/resources", Room(world.Location, new { minMinutes = 120, maxMinutes = 90 })));
        var offStep = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/resources", Room(world.Location, new { incrementMinutes = 60, minMinutes = 45, maxMinutes = 600 })));

        outOfRange.EnumerateObject().Select(e => e.Name).ShouldBe(
            ["policy.setupMinutes", "policy.cleanupMinutes", "policy.minMinutes", "policy.maxMinutes", "policy.incrementMinutes", "policy.windowDays",
             "policy.freeCancellationHours", "policy.lateCancellationPercent", "policy.maxHoursPerWeek", "policy.maxBookingsPerWeek",
             "policy.checkInMinutes", "policy.offerMinutes"], ignoreOrder: true);
        outOfRange.GetProperty("policy.windowDays")[0].GetString().ShouldNotBeNullOrWhiteSpace();
        inconsistent.EnumerateObject().Select(e => e.Name).ShouldBe(["policy.maxMinutes"]);
        offStep.EnumerateObject().Select(e => e.Name).ShouldBe(["policy.minMinutes"]);
    }

    [Theory]
    [InlineData("""{ "waitlistMode": "Sometimes" }""", "policy.waitlistMode")]
    [InlineData("""{ "waitlistMode": 1 }""", "policy.waitlistMode")]
    [InlineData("""{ "maxMinutes": "long" }""", "policy.maxMinutes")]
    [InlineData("""{ "minMinutes": 1e12 }""", "policy.minMinutes")]
    [InlineData("""{ "offerMinutes": 12.5 }""", "policy.offerMinutes")]
    [InlineData("""{ "membersOnly": "yes" }""", "policy.membersOnly")]
    [InlineData("""{ "windowDays": null }""", "policy.windowDays")]
    [InlineData("""[1, 2]""", "policy")]
    public async Task An_unreadable_policy_value_is_a_400_naming_its_field(string policy, string field)
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);
        var json = $$"""{ "locationId": "{{world.Location}}", "name": "Illisible", "kind": "MeetingRoom", "capacity": 2, "policy": {{policy}} }""";

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var errors = await ErrorsAsync(await admin.PostAsync("/api/v1/resources", content));

        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task A_policy_set_through_the_api_applies_to_the_very_next_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var visitorEmail = TestApp.NewEmail("visitor");
        await app.CreateUserAsync(visitorEmail);
        var visitor = await app.ClientForAsync(visitorEmail);
        var day = Day(3);
        var first = await OkAsync(await world.BookAsync(member.Client, world.Room, day.AddHours(9), day.AddHours(10)), HttpStatusCode.Created);
        first.GetProperty("status").GetString().ShouldBe("Confirmed"); // the rules are now cached
        (await world.BookAsync(visitor, world.Room, day.AddHours(16), day.AddHours(17))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await world.SetPolicyAsync(world.Room, BookingPolicy.Default with { RequiresApproval = true });
        var requested = await OkAsync(await world.BookAsync(member.Client, world.Room, day.AddHours(12), day.AddHours(13)), HttpStatusCode.Created);

        await world.SetPolicyAsync(world.Room, BookingPolicy.Default with { CleanupMinutes = 60 });
        using var adjacent = await world.BookAsync(member.Client, world.Room, day.AddHours(11), day.AddHours(12)); // free a moment ago

        await world.SetPolicyAsync(world.Room, BookingPolicy.Default with { MembersOnly = false }, body => body["nonMemberHourly"] = 40m);
        var visiting = await OkAsync(await world.BookAsync(visitor, world.Room, day.AddHours(16), day.AddHours(17)), HttpStatusCode.Created);

        requested.GetProperty("status").GetString().ShouldBe("Pending");
        adjacent.StatusCode.ShouldBe(HttpStatusCode.Conflict, await adjacent.Content.ReadAsStringAsync()); // its clean-up runs into the 12:00 request
        visiting.GetProperty("price").GetDecimal().ShouldBe(40m);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResourcePolicyApiTests_Sqlite(SqliteTestApp app) : ResourcePolicyApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResourcePolicyApiTests_Postgres(PostgresTestApp app) : ResourcePolicyApiTests(app);
