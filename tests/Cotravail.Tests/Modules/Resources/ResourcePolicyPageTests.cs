using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;

namespace Cotravail.Tests.Modules.Resources;

/// The "Booking rules" of the resource form (/admin/resources/edit): prefilled, saved, redisplayed with messages.
public abstract class ResourcePolicyPageTests(TestApp app)
{
    private static Dictionary<string, string> RoomFields(BookingWorld world) => new()
    {
        ["Input.LocationId"] = world.Location.ToString(),
        ["Input.Name"] = "Salle Tilleul",
        ["Input.Kind"] = "MeetingRoom",
        ["Input.Capacity"] = "6",
        ["Input.MemberHourly"] = "25",
    };

    private static string Value(IDocument doc, string field) => doc.QuerySelector($"[name='Input.Policy.{field}']")!.GetAttribute("value") ?? "";

    private static string Error(IDocument doc, string field) => doc.QuerySelector($"#Input_Policy_{field}-error")?.TextContent.Trim() ?? "";

    private async Task<HttpClient> AdminPagesAsync(BookingWorld world, string? language = null)
    {
        var client = await app.BrowserClientAsync(world.AdminEmail);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return client;
    }

    [Fact]
    public async Task The_form_shows_the_current_rules_and_saves_changed_ones()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxHoursPerWeek = 10 });
        using var client = await AdminPagesAsync(world);
        var url = $"/admin/resources/edit/{world.Room}";
        var (_, before) = await TestApp.GetHtmlAsync(client, url);
        Value(before, "MinMinutes").ShouldBe("30");
        Value(before, "MaxHoursPerWeek").ShouldBe("10");
        Value(before, "MaxBookingsPerWeek").ShouldBe("");
        before.QuerySelector("#Input_Policy_MembersOnly")!.HasAttribute("checked").ShouldBeTrue();
        before.QuerySelector("#Input_Policy_WaitlistMode option[selected]")!.GetAttribute("value").ShouldBe("BookDirectly");

        var fields = RoomFields(world);
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["SetupMinutes"] = "10", ["CleanupMinutes"] = "15", ["MinMinutes"] = "60", ["MaxMinutes"] = "240", ["IncrementMinutes"] = "15",
            ["WindowDays"] = "30", ["FreeCancellationHours"] = "48", ["LateCancellationPercent"] = "100", ["MaxHoursPerWeek"] = "",
            ["MaxBookingsPerWeek"] = "3", ["CheckInMinutes"] = "0", ["OfferMinutes"] = "45", ["WaitlistMode"] = "Offer",
            ["RequiresApproval"] = "true", ["MembersOnly"] = "false",
        })
        {
            fields[$"Input.Policy.{name}"] = value;
        }
        using var saved = await TestApp.PostFormAsync(client, url, fields);
        var (_, after) = await TestApp.GetHtmlAsync(client, url);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => Task.FromResult(db.Resources.Single(r => r.Id == world.Room).Policy))).ShouldBe(new BookingPolicy
        {
            SetupMinutes = 10, CleanupMinutes = 15, MinMinutes = 60, MaxMinutes = 240, IncrementMinutes = 15, WindowDays = 30, RequiresApproval = true,
            MembersOnly = false, FreeCancellationHours = 48, LateCancellationPercent = 100, MaxHoursPerWeek = null, MaxBookingsPerWeek = 3,
            CheckInMinutes = 0, WaitlistMode = WaitlistMode.Offer, OfferMinutes = 45,
        });
        Value(after, "MaxBookingsPerWeek").ShouldBe("3");
        Value(after, "MaxHoursPerWeek").ShouldBe("");
        after.QuerySelector("#Input_Policy_IncrementMinutes option[selected]")!.GetAttribute("value").ShouldBe("15");
        after.QuerySelector("#Input_Policy_RequiresApproval")!.HasAttribute("checked").ShouldBeTrue();
        after.QuerySelector("#Input_Policy_MembersOnly")!.HasAttribute("checked").ShouldBeFalse();
        after.QuerySelector("#Input_Policy_WaitlistMode option[selected]")!.GetAttribute("value").ShouldBe("Offer");
    }

    [Fact]
    public async Task Bad_rules_are_redisplayed_as_typed_with_a_message_by_each_field_in_french_and_english()
    {
        var world = await BookingWorld.CreateAsync(app);
        var url = $"/admin/resources/edit/{world.Room}";
        var fields = RoomFields(world);
        fields["Input.Policy.MinMinutes"] = "une heure";
        fields["Input.Policy.MaxMinutes"] = "2000";
        fields["Input.Policy.OfferMinutes"] = "1";
        fields["Input.Policy.WaitlistMode"] = "Sometimes";
        using var french = await AdminPagesAsync(world, "fr");
        using var english = await AdminPagesAsync(world, "en");

        using var inFrench = await TestApp.PostFormAsync(french, url, fields);
        using var inEnglish = await TestApp.PostFormAsync(english, url, fields);
        fields["Input.Policy.MinMinutes"] = "45";
        fields["Input.Policy.MaxMinutes"] = "120";
        fields["Input.Policy.OfferMinutes"] = "60";
        fields["Input.Policy.WaitlistMode"] = "Offer";
        fields["Input.Policy.IncrementMinutes"] = "60";
        using var offStep = await TestApp.PostFormAsync(english, url, fields);

        inFrench.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, fr) = await TestApp.ParseAsync(inFrench);
        Value(fr, "MinMinutes").ShouldBe("une heure");
        Value(fr, "MaxMinutes").ShouldBe("2000");
        Value(fr, "OfferMinutes").ShouldBe("1");
        Error(fr, "MinMinutes").ShouldContain("une heure");
        Error(fr, "MaxMinutes").ShouldContain("Réservation la plus longue");
        Error(fr, "OfferMinutes").ShouldContain("entre 5 et 1440");
        Error(fr, "WaitlistMode").ShouldNotBeEmpty();
        var (_, en) = await TestApp.ParseAsync(inEnglish);
        Error(en, "MaxMinutes").ShouldBe("Longest booking (minutes) must be between 5 and 1440.");
        offStep.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, step) = await TestApp.ParseAsync(offStep);
        Error(step, "MinMinutes").ShouldBe("Durations are multiples of the time step (60 minutes).");
        Error(step, "MaxMinutes").ShouldBeEmpty();
        (await app.WithDbAsync(db => Task.FromResult(db.Resources.Single(r => r.Id == world.Room).Policy))).ShouldBe(BookingPolicy.Default);
    }

    [Fact]
    public async Task The_rules_saved_on_the_page_are_what_the_api_shows()
    {
        var world = await BookingWorld.CreateAsync(app);
        using var client = await AdminPagesAsync(world);
        var fields = RoomFields(world);
        fields["Input.Policy.MaxBookingsPerWeek"] = "5";
        fields["Input.Policy.SetupMinutes"] = "20";

        using var saved = await TestApp.PostFormAsync(client, $"/admin/resources/edit/{world.Room}", fields);
        var shown = await (await app.ClientForAsync(world.AdminEmail)).GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        shown.GetProperty("policy").GetProperty("maxBookingsPerWeek").GetInt32().ShouldBe(5);
        shown.GetProperty("policy").GetProperty("setupMinutes").GetInt32().ShouldBe(20);
        shown.GetProperty("policy").GetProperty("minMinutes").GetInt32().ShouldBe(BookingPolicy.Default.MinMinutes); // fields not posted keep their defaults
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResourcePolicyPageTests_Sqlite(SqliteTestApp app) : ResourcePolicyPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResourcePolicyPageTests_Postgres(PostgresTestApp app) : ResourcePolicyPageTests(app);
