using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using static Cotravail.Tests.Modules.Offers.OfferWorld;

namespace Cotravail.Tests.Modules.Offers;

public abstract class OfferPagesTests(TestApp app)
{
    private async Task<(string Html, IDocument Doc)> GetAsync(HttpClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (html, doc) = await TestApp.ParseAsync(response);
        return (WebUtility.HtmlDecode(html), doc);
    }

    [Fact]
    public async Task The_catalogue_shows_each_price_excluding_and_including_vat_in_french_and_english()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();
        using var anonymous = app.AnonymousClient();

        var (french, doc) = await GetAsync(anonymous, "/offers", "fr");
        var card = doc.QuerySelector($"#{world.Slug} li[data-offer='{offer}']")!;
        card.QuerySelector("h4")!.TextContent.ShouldBe("Pass journée test");
        Normal(card.QuerySelector("[data-price=excl]")!.TextContent).ShouldBe("25,00 € HT");
        Normal(card.QuerySelector("[data-price=incl]")!.TextContent).ShouldBe("30,00 € TTC");
        Normal(card.QuerySelector("li[data-category=Student]")!.TextContent).ShouldBe("Étudiants : 18,00 € HT (21,60 € TTC)");
        french.ShouldContain("Adhésion annuelle"); // the demo network's membership, valid everywhere

        var (_, english) = await GetAsync(anonymous, "/offers", "en");
        var englishCard = english.QuerySelector($"#{world.Slug} li[data-offer='{offer}']")!;
        englishCard.QuerySelector("h4")!.TextContent.ShouldBe("Test day pass");
        Normal(englishCard.QuerySelector("[data-price=excl]")!.TextContent).ShouldBe("€25.00 excl. VAT");
        Normal(englishCard.QuerySelector("[data-price=incl]")!.TextContent).ShouldBe("€30.00 incl. VAT");
        Normal(englishCard.QuerySelector("li[data-category=Student]")!.TextContent).ShouldBe("Students: €18.00 excl. VAT (€21.60 incl. VAT)");
        HeadingsInOrder(doc);
        HeadingsInOrder(english);
    }

    [Fact]
    public async Task The_page_of_a_space_lists_its_passes_and_plans_and_the_networks()
    {
        using var anonymous = app.AnonymousClient();

        var (html, doc) = await GetAsync(anonymous, $"/locations/{DemoAccounts.LyonSlug}", "fr");

        var offers = doc.QuerySelector("#offers")!;
        offers.QuerySelector("h2")!.TextContent.ShouldBe("Formules et tarifs");
        offers.QuerySelectorAll("h3").Select(h => h.TextContent).ShouldContain("Abonnements");
        offers.TextContent.ShouldContain("Pass journée");
        offers.TextContent.ShouldContain("Adhésion annuelle");
        Normal(offers.TextContent).ShouldContain("22,00 € HT"); // Lyon's day pass
        Normal(offers.TextContent).ShouldContain("4 heures de salle de réunion par mois");
        html.ShouldNotContain("Clé de casier"); // Paris's product
        HeadingsInOrder(doc);
    }

    [Fact]
    public async Task The_admin_form_keeps_what_was_typed_and_shows_each_message_by_its_field()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        var (_, empty) = await TestApp.GetHtmlAsync(browser, "/admin/offers/edit");
        var form = TestApp.FormValues(empty);
        form["Input.NameFr"] = "Mon pass du matin";
        form["Input.Price"] = "-5";
        form["Input.AccessFrom"] = "18:00";
        form["Input.AccessTo"] = "09:00";
        form["Input.ReducedPrices[6].Price"] = "abc"; // students

        using var refused = await TestApp.PostFormAsync(browser, "/admin/offers/edit", form);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(refused);
        doc.QuerySelector("#Input_NameFr")!.GetAttribute("value").ShouldBe("Mon pass du matin");
        doc.QuerySelector("#Input_Price")!.GetAttribute("value").ShouldBe("-5");
        doc.QuerySelector("#Input_Price")!.GetAttribute("aria-invalid").ShouldBe("true");
        doc.QuerySelector("#Input_Price-error")!.TextContent.ShouldContain("Prix HT");
        doc.QuerySelector("#reduced-Student")!.GetAttribute("value").ShouldBe("abc");
        doc.QuerySelector("#Input_AccessTo")!.GetAttribute("value").ShouldBe("09:00");
        doc.QuerySelector("#Input_LocationId option[selected]")!.GetAttribute("value").ShouldBe(world.Location.ToString());
        EveryFieldHasALabel(doc);
        HeadingsInOrder(doc);

        form["Input.Price"] = "25";
        form["Input.ReducedPrices[6].Price"] = "";
        using var order = await TestApp.PostFormAsync(browser, "/admin/offers/edit", form);
        var (_, again) = await TestApp.ParseAsync(order);
        again.QuerySelector("#Input_AccessTo-error")!.TextContent.ShouldBe("L'accès doit finir après avoir commencé.");
        again.QuerySelector("#Input_AccessFrom")!.GetAttribute("value").ShouldBe("18:00");
    }

    [Fact]
    public async Task The_admin_form_creates_an_offer_the_list_shows_with_both_prices()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        var (_, empty) = await TestApp.GetHtmlAsync(browser, "/admin/offers/edit");
        var token = Guid.NewGuid().ToString("N")[..8];
        var form = TestApp.FormValues(empty);
        form["Input.Kind"] = "MonthlyPlan";
        form["Input.NameFr"] = $"Temps partiel {token}";
        form["Input.Price"] = "150,00";
        form["Input.VatPercent"] = "5,5";
        form["Input.DaysPerWeek"] = "2";
        form["Input.Credits[0].Amount"] = "3";
        form["Input.ReducedPrices[8].Price"] = "110"; // job seekers

        using var saved = await TestApp.PostFormAsync(browser, "/admin/offers/edit", form);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, list) = await TestApp.GetHtmlAsync(browser, $"/admin/offers?q={token}");
        var row = list.QuerySelector("#offers tbody tr")!;
        Normal(row.TextContent).ShouldContain("150,00 €");
        Normal(row.TextContent).ShouldContain("158,25 €"); // 150 + 5.5 %
        var (_, edit) = await TestApp.GetHtmlAsync(browser, saved.Headers.Location!.OriginalString);
        edit.QuerySelector("#Input_Space option[selected]")!.GetAttribute("value").ShouldBe("OpenSpace");
        edit.QuerySelector("#credit-MeetingRoomHours")!.GetAttribute("value").ShouldBe("3");
        edit.QuerySelector("#reduced-JobSeeker")!.GetAttribute("value").ShouldBe("110,00");
        edit.QuerySelector("#Input_Kind")!.HasAttribute("readonly").ShouldBeTrue(); // a kind never changes
    }

    [Fact]
    public async Task Managers_grant_reduced_rates_from_the_staff_page()
    {
        var world = await OfferWorld.CreateAsync(app);
        var (_, memberId, _) = await world.MemberAsync();
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);

        using var missing = await TestApp.PostFormAsync(browser, "/admin/offers/grants", new Dictionary<string, string>
        {
            ["MemberId"] = memberId.ToString(), ["Input.Category"] = "Student", ["Input.ProofNote"] = "Carte vue", ["Input.ValidUntil"] = world.Date(400),
        });
        var (_, refused) = await TestApp.ParseAsync(missing);
        refused.QuerySelector("#Input_ValidUntil-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        refused.QuerySelector("#Input_ProofNote")!.GetAttribute("value").ShouldBe("Carte vue");
        using var granted = await TestApp.PostFormAsync(browser, "/admin/offers/grants", new Dictionary<string, string>
        {
            ["MemberId"] = memberId.ToString(), ["Input.Category"] = "Student", ["Input.ProofNote"] = "Carte vue", ["Input.ValidUntil"] = world.Date(100),
        });

        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/admin/offers/grants");
        page.QuerySelectorAll("#grants tbody tr").Select(r => r.TextContent).ShouldContain(t => t.Contains("Noé Tarif") && t.Contains("Carte vue"));
        EveryFieldHasALabel(page);
        using var host = await app.BrowserClientAsync(DemoAccounts.ParisHost);
        (await host.GetAsync("/admin/offers/grants")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to the denied page
    }

    private static string Normal(string text) => string.Join(' ', text.Replace('\u00a0', ' ').Replace('\u202f', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// Axe's rules that a page parser can check: no heading level skipped, every visible field labelled.
    private static void HeadingsInOrder(IDocument doc)
    {
        var levels = doc.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").Select(h => h.LocalName[1] - '0').ToList();
        levels[0].ShouldBe(1);
        for (var i = 1; i < levels.Count; i++)
        {
            levels[i].ShouldBeLessThanOrEqualTo(levels[i - 1] + 1, $"heading {i} skips a level: {string.Join(",", levels)}");
        }
    }

    private static void EveryFieldHasALabel(IDocument doc)
    {
        foreach (var field in doc.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"))
        {
            var id = field.GetAttribute("id");
            var labelled = field.HasAttribute("aria-label") || (id is not null && doc.QuerySelector($"label[for='{id}']") is not null);
            labelled.ShouldBeTrue($"{field.OuterHtml[..Math.Min(120, field.OuterHtml.Length)]} has no label");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OfferPagesTests_Sqlite(SqliteTestApp app) : OfferPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OfferPagesTests_Postgres(PostgresTestApp app) : OfferPagesTests(app);
