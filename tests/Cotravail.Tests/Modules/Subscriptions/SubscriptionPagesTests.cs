using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Subscriptions;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Subscriptions;

/// The subscription pages call the API's handlers: a member buys from the catalogue (their company paying, or told to
/// add a postal address first), sees what they hold with its balance and cancels a plan after confirming; a manager
/// subscribes a member, pauses and cancels from the back office, problems shown by their field with what was typed kept;
/// a host reads without the forms.
public abstract class SubscriptionPagesTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_member_buys_a_company_paid_pass_through_the_page_and_sees_it_with_its_balance()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var pass = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "DayPass", nameFr = "Pass jour page", nameEn = "Page day pass", price = 20m, vatPercent = 20m,
            resourceKinds = new[] { "HotDeskZone" },
        });
        using var anonymous = app.AnonymousClient();
        var (_, catalogue) = await TestApp.GetHtmlAsync(anonymous, "/offers");
        catalogue.QuerySelector($"[data-offer='{pass}'] a[href='/offers/{pass}/buy']").ShouldNotBeNull();

        using var browser = await app.BrowserClientAsync(world.CompanyAdminEmail);
        var form = $"/offers/{pass}/buy";
        var (_, page) = await TestApp.GetHtmlAsync(browser, form);
        page.QuerySelector("[data-price=excl]")!.TextContent.ShouldContain("20,00");
        page.QuerySelector("[data-price=incl]")!.TextContent.ShouldContain("24,00");
        page.QuerySelector("#Input_CompanyPays")!.HasAttribute("checked").ShouldBeTrue(); // billed to the company by default
        page.QuerySelector("#Input_StartsOn").ShouldBeNull(); // a pass starts today
        page.QuerySelector("#address-needed").ShouldBeNull();

        using (var bought = await TestApp.PostFormAsync(browser, form, TestApp.FormValues(page)))
        {
            bought.StatusCode.ShouldBe(HttpStatusCode.Redirect, await bought.Content.ReadAsStringAsync());
            bought.Headers.Location!.OriginalString.ShouldBe("/me/subscriptions");
        }
        var id = await app.WithDbAsync(db => db.Subscriptions.Where(s => s.OfferId == pass).Select(s => s.Id).SingleAsync());
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/subscriptions");
        mine.QuerySelector(".notice[role=status]")!.TextContent.ShouldContain("Pass jour page");
        var row = mine.QuerySelector($"#my-subscriptions tr[data-subscription='{id}']")!;
        row.QuerySelector("[data-balance=Days]")!.GetAttribute("data-left").ShouldBe("1");
        row.TextContent.ShouldContain("Actif");
        mine.QuerySelector($"#company-subscriptions tr[data-subscription='{id}']").ShouldNotBeNull(); // the team's list of its admin

        // A member who pays for themselves is told first that the invoice needs a postal address; buying is refused so.
        using var member = await app.BrowserClientAsync(world.MemberEmail);
        var (_, own) = await TestApp.GetHtmlAsync(member, form);
        own.QuerySelector("#Input_CompanyPays").ShouldBeNull();
        own.QuerySelector("#address-needed a[href='/me/profile']").ShouldNotBeNull();
        using (var refused = await TestApp.PostFormAsync(member, form, TestApp.FormValues(own)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, again) = await TestApp.ParseAsync(refused);
            again.QuerySelector("#address-needed[role=alert]")!.TextContent.ShouldContain("adresse postale");
        }
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.MemberId == world.MemberId))).ShouldBe(0);
        var (_, nothing) = await TestApp.GetHtmlAsync(member, "/me/subscriptions");
        nothing.QuerySelector($"tr[data-subscription='{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task A_bad_start_date_keeps_what_was_typed_and_shows_the_message_by_its_field()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var plan = await PlanAsync(admin, world);
        using var browser = await app.BrowserClientAsync(world.CompanyAdminEmail);
        var form = $"/offers/{plan}/buy";

        var typed = new Dictionary<string, string> { ["Input.StartsOn"] = Text(Today().AddDays(-3)), ["Input.CompanyPays"] = "true" };
        using (var early = await TestApp.PostFormAsync(browser, form, typed))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(early);
            page.QuerySelector("#Input_StartsOn-error")!.TextContent.ShouldBe("Un abonnement commence aujourd'hui ou plus tard.");
            page.QuerySelector("#Input_StartsOn")!.GetAttribute("value").ShouldBe(Text(Today().AddDays(-3)));
            page.QuerySelector("#Input_StartsOn")!.GetAttribute("aria-invalid").ShouldBe("true");
            page.QuerySelector("#Input_CompanyPays")!.HasAttribute("checked").ShouldBeTrue();
        }
        using (var garbled = await TestApp.PostFormAsync(browser, form, new Dictionary<string, string> { ["Input.StartsOn"] = "demain" }))
        {
            var (_, page) = await TestApp.ParseAsync(garbled);
            page.QuerySelector("#Input_StartsOn-error")!.TextContent.ShouldBe("Indiquez une date comme 2026-12-01.");
            page.QuerySelector("#Input_StartsOn")!.GetAttribute("value").ShouldBe("demain");
        }
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.OfferId == plan))).ShouldBe(0);

        // The back office's form keeps the member and the offer chosen.
        using var manager = await app.BrowserClientAsync(world.ManagerEmail);
        var subscribe = Subscribe(world.MemberId, plan, "2020-01-01");
        using (var far = await TestApp.PostFormAsync(manager, "/admin/subscriptions", subscribe))
        {
            far.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(far);
            page.QuerySelector("#Input_StartsOn-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector("#Input_StartsOn")!.GetAttribute("value").ShouldBe("2020-01-01");
            page.QuerySelector("#Input_MemberId option[selected]")!.GetAttribute("value").ShouldBe(world.MemberId.ToString());
            page.QuerySelector("#Input_OfferId option[selected]")!.GetAttribute("value").ShouldBe(plan.ToString());
            page.QuerySelector("details#new-subscription")!.HasAttribute("open").ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_manager_subscribes_pauses_and_cancels_from_the_back_office_and_a_host_only_reads()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var plan = await PlanAsync(admin, world);
        using var manager = await app.BrowserClientAsync(world.ManagerEmail);
        var (_, list) = await TestApp.GetHtmlAsync(manager, "/admin/subscriptions");
        list.QuerySelector("nav.admin-nav a[href='/admin/subscriptions']").ShouldNotBeNull();
        list.QuerySelector($"#Input_OfferId option[value='{plan}']").ShouldNotBeNull();
        list.QuerySelector($"#Input_MemberId option[value='{world.MemberId}']").ShouldNotBeNull();

        string details;
        using (var created = await TestApp.PostFormAsync(manager, "/admin/subscriptions", Subscribe(world.MemberId, plan, "")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
            details = created.Headers.Location!.OriginalString;
        }
        var id = await app.WithDbAsync(db => db.Subscriptions.Where(s => s.OfferId == plan).Select(s => s.Id).SingleAsync());
        details.ShouldBe($"/admin/subscriptions/{id}");
        var (_, filtered) = await TestApp.GetHtmlAsync(manager, $"/admin/subscriptions?locationId={world.Location}&state=Active&kind=MonthlyPlan&q=Factur");
        filtered.QuerySelector($"#subscriptions tr[data-subscription='{id}']").ShouldNotBeNull();
        var (_, none) = await TestApp.GetHtmlAsync(manager, $"/admin/subscriptions?locationId={world.Location}&q=Personne");
        none.QuerySelector($"#subscriptions tr[data-subscription='{id}']").ShouldBeNull();

        // A pause ending before it starts: the message by "until", both dates kept; then a week's pause.
        var (from, to) = (Text(Today().AddDays(10)), Text(Today().AddDays(16)));
        using (var backwards = await TestApp.PostFormAsync(manager, $"{details}?handler=Pause", Pause(to, from), details))
        {
            backwards.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(backwards);
            page.QuerySelector("#Pause_To-error")!.TextContent.ShouldBe("Une suspension finit le jour où elle commence ou après.");
            page.QuerySelector("#Pause_From")!.GetAttribute("value").ShouldBe(to);
            page.QuerySelector("#Pause_To")!.GetAttribute("value").ShouldBe(from);
        }
        using (var paused = await TestApp.PostFormAsync(manager, $"{details}?handler=Pause", Pause(from, to), details))
        {
            paused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, shown) = await TestApp.GetHtmlAsync(manager, details);
        shown.QuerySelector(".notice[role=status]").ShouldNotBeNull();
        shown.QuerySelector($"#balances [data-pause='{from}']").ShouldNotBeNull();
        shown.QuerySelector("#confirm-cancel").ShouldBeNull();

        // Cancelling asks first; the day chosen is kept.
        var (_, confirm) = await TestApp.GetHtmlAsync(manager, $"{details}?confirm=cancel");
        confirm.QuerySelector("#confirm-cancel form[method=post] #Cancel_EndsOn").ShouldNotBeNull();
        using (var bad = await TestApp.PostFormAsync(manager, $"{details}?handler=Cancel", new Dictionary<string, string> { ["Cancel.EndsOn"] = "bientôt" }, details))
        {
            var (_, page) = await TestApp.ParseAsync(bad);
            page.QuerySelector("#Cancel_EndsOn-error")!.TextContent.ShouldBe("Indiquez une date comme 2026-12-01.");
            page.QuerySelector("#Cancel_EndsOn")!.GetAttribute("value").ShouldBe("bientôt");
        }
        var last = Text(Today().AddDays(20));
        using (var cancelled = await TestApp.PostFormAsync(manager, $"{details}?handler=Cancel", new Dictionary<string, string> { ["Cancel.EndsOn"] = last }, details))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == id).Select(s => s.EndsOn).SingleAsync())).ShouldBe(Today().AddDays(20));

        // A host of the location reads it without the forms, and cannot post them.
        var hostEmail = await app.NewStaffAsync(world.Location, StaffRole.Host, "subscriptions-host");
        using var hostBrowser = await app.BrowserClientAsync(hostEmail);
        var (_, read) = await TestApp.GetHtmlAsync(hostBrowser, details);
        read.QuerySelector("#pause-form").ShouldBeNull();
        read.QuerySelector("#change-form").ShouldBeNull();
        read.QuerySelector("#new-subscription").ShouldBeNull();
        var (_, hostList) = await TestApp.GetHtmlAsync(hostBrowser, "/admin/subscriptions");
        hostList.QuerySelector("#new-subscription").ShouldBeNull();
        hostList.QuerySelector($"#subscriptions tr[data-subscription='{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_member_cancels_a_plan_after_confirming_and_a_day_within_the_notice_is_refused_with_the_day_kept()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var plan = await PlanAsync(admin, world);
        var id = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = plan, memberId = world.MemberId });
        using var member = await app.BrowserClientAsync(world.MemberEmail);
        var (_, me) = await TestApp.GetHtmlAsync(member, "/me");
        me.QuerySelector("a[href='/me/subscriptions']").ShouldNotBeNull();
        var (_, invoices) = await TestApp.GetHtmlAsync(member, "/me/invoices");
        invoices.QuerySelector("a[href='/me/subscriptions']").ShouldNotBeNull();

        var (_, mine) = await TestApp.GetHtmlAsync(member, "/me/subscriptions");
        mine.QuerySelector($"tr[data-subscription='{id}'] a[href='/me/subscriptions?confirm={id}#cancel-{id}']").ShouldNotBeNull();
        mine.QuerySelector($"#cancel-{id}").ShouldBeNull();
        var url = $"/me/subscriptions?confirm={id}";
        var (_, confirm) = await TestApp.GetHtmlAsync(member, url);
        confirm.QuerySelector("#Cancel_EndsOn")!.GetAttribute("value").ShouldBe(Text(Today().AddDays(30))); // the earliest, after the notice

        var post = $"/me/subscriptions?handler=Cancel&id={id}";
        var early = Text(Today().AddDays(3));
        using (var refused = await TestApp.PostFormAsync(member, post, new Dictionary<string, string> { ["Cancel.EndsOn"] = early }, url))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(refused);
            page.QuerySelector("#Cancel_EndsOn-error")!.TextContent.ShouldStartWith("Ce jour tombe dans le préavis");
            page.QuerySelector("#Cancel_EndsOn")!.GetAttribute("value").ShouldBe(early);
        }
        using (var cancelled = await TestApp.PostFormAsync(member, post, new Dictionary<string, string> { ["Cancel.EndsOn"] = Text(Today().AddDays(40)) }, url))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, after) = await TestApp.GetHtmlAsync(member, "/me/subscriptions");
        after.QuerySelector(".notice[role=status]")!.TextContent.ShouldContain(Today().AddDays(40).ToString("d", CultureInfo.GetCultureInfo("fr-FR")));
        after.QuerySelector($"tr[data-subscription='{id}'] a[href^='/me/subscriptions?confirm']").ShouldBeNull();
    }

    private static Dictionary<string, string> Subscribe(Guid member, Guid offer, string start) => new()
    {
        ["Input.MemberId"] = member.ToString(), ["Input.OfferId"] = offer.ToString(), ["Input.StartsOn"] = start, ["Input.CompanyPays"] = "",
    };

    private static Dictionary<string, string> Pause(string from, string to) => new() { ["Pause.From"] = from, ["Pause.To"] = to };

    private async Task<HttpClient> AdminAsync()
    {
        var email = TestApp.NewEmail("subscription-pages-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return await app.ClientForAsync(email);
    }

    private static Task<Guid> PlanAsync(HttpClient admin, BillingWorld world) => PostAsync(admin, "/api/v1/offers", new
    {
        locationId = world.Location, kind = "MonthlyPlan", nameFr = "Forfait page", nameEn = "Page plan", price = 250m, vatPercent = 20m, space = "OpenSpace",
        resourceKinds = new[] { "HotDeskZone" },
    });

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris));

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SubscriptionPagesTests_Sqlite(SqliteTestApp app) : SubscriptionPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SubscriptionPagesTests_Postgres(PostgresTestApp app) : SubscriptionPagesTests(app);
