using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The billing back office's other pages call the API's use cases: a network admin starts a month's run from its
/// form (a bad or taken month is said by the field), follows it, reviews its drafts in /admin/invoices and issues
/// them after confirming, resumes a stopped run; a manager adds a charge through the form (errors by field, what was
/// typed kept) and finds it among the charges by its filters and the customer's name; the invoicing terms are
/// changed by the network admin only. Each run bills its own month of 2033.
public abstract class BillingAdminPagesTests(TestApp app)
{
    [Fact]
    public async Task A_network_admin_starts_a_run_from_the_form_reviews_its_drafts_and_issues_them_after_confirming()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        await ChargeAsync(manager, new { locationId = world.Location, companyId = world.CompanyId, description = "Domiciliation", quantity = 1, unitPrice = 25m, vatPercent = 20, date = "2033-01-03" });
        await ChargeAsync(manager, new { locationId = world.Location, memberId = world.MemberId, description = "Clé de casier", quantity = 1, unitPrice = 5m, vatPercent = 20, date = "2033-01-04" });
        using var admin = await app.BrowserClientAsync(await AdminAsync());
        const string runs = "/admin/billing/runs";

        var (_, list) = await TestApp.GetHtmlAsync(admin, runs);
        list.QuerySelector("#Input_Period")!.GetAttribute("value")!.ShouldMatch("^[0-9]{4}-[0-9]{2}$");
        list.QuerySelector("nav.billing-nav a[href='/admin/billing/runs']")!.GetAttribute("aria-current").ShouldBe("page");

        // Not a month: the message by the field, what was typed kept, no run.
        using (var bad = await TestApp.PostFormAsync(admin, runs, Period("2033-13")))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(bad);
            page.QuerySelector("#Input_Period-error")!.TextContent.ShouldBe("Indiquez un mois comme 2026-11.");
            page.QuerySelector("#Input_Period")!.GetAttribute("value").ShouldBe("2033-13");
            page.QuerySelector("#Input_Period")!.GetAttribute("aria-invalid").ShouldBe("true");
        }

        using var started = await TestApp.PostFormAsync(admin, runs, Period("2033-01"));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        var runPage = started.Headers.Location!.OriginalString;
        var id = Guid.Parse(runPage.Split('/')[^1]);
        runPage.ShouldBe($"/admin/billing/runs/{id}");
        // The month may also bill other tests' open-ended desks: only this world's payers are looked at by name.
        var drafted = await WaitAsync(id, BillingRunStatus.Drafted);
        drafted.DraftsCreated.ShouldBeGreaterThanOrEqualTo(2);
        var (companyDraft, memberDraft) = await app.WithDbAsync(async db => (
            await db.Invoices.Where(i => i.SourceKey == $"run:2033-01:{world.CompanyId}").Select(i => i.Id).SingleAsync(),
            await db.Invoices.Where(i => i.SourceKey == $"run:2033-01:{world.MemberId}").Select(i => i.Id).SingleAsync()));

        // The same month again is refused by the field.
        using (var twice = await TestApp.PostFormAsync(admin, runs, Period("2033-01")))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(twice);
            page.QuerySelector("#Input_Period-error")!.TextContent.ShouldBe("Une facturation de ce mois existe déjà.");
        }

        var (_, run) = await TestApp.GetHtmlAsync(admin, runPage);
        run.QuerySelector("h1")!.TextContent.ShouldContain("janvier 2033");
        run.QuerySelector("#run-status")!.TextContent.ShouldBe("Brouillons à vérifier");
        run.QuerySelector("#run-drafts")!.TextContent.ShouldBe($"{drafted.DraftsCreated}");
        run.QuerySelector("#run-customers")!.TextContent.ShouldBe($"{drafted.CustomersDone} sur {drafted.CustomersTotal}");
        run.QuerySelector("#run-progress")!.GetAttribute("data-unfinished").ShouldBe("false");
        run.QuerySelector("script[src*='run-progress.js']").ShouldBeNull();
        run.QuerySelector("#confirm-issue").ShouldBeNull();
        var draftsLink = run.QuerySelector("#run-drafts-link")!.GetAttribute("href")!;
        draftsLink.ShouldBe($"/admin/invoices?runId={id}&state=Draft");

        // The run's drafts in the invoices list, and only them.
        var (_, drafts) = await TestApp.GetHtmlAsync(admin, draftsLink);
        var ids = drafts.QuerySelectorAll("#invoices tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-invoice")!)).ToList();
        var expected = await app.WithDbAsync(db => db.Invoices.Where(i => i.SourceKey!.StartsWith("run:2033-01:")).Select(i => i.Id).ToListAsync());
        ids.ShouldContain(companyDraft);
        ids.ShouldContain(memberDraft);
        ids.ShouldAllBe(i => expected.Contains(i));
        drafts.QuerySelector("#run-filter a[href='/admin/billing/runs/" + id + "']").ShouldNotBeNull();
        drafts.QuerySelector($"form.filters input[name=runId][value='{id}']").ShouldNotBeNull();

        // Issuing asks first; then the company's draft is issued and the member's, without an address, stays a draft.
        var (_, confirm) = await TestApp.GetHtmlAsync(admin, $"{runPage}?confirm=issue");
        confirm.QuerySelector("#confirm-issue h2")!.TextContent.ShouldBe($"Émettre les {expected.Count} brouillons de cette facturation ?");
        using (var issued = await TestApp.PostFormAsync(admin, $"{runPage}?handler=Issue", [], runPage))
        {
            issued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var done = await WaitAsync(id, BillingRunStatus.Done);
        done.InvoicesIssued.ShouldBeGreaterThanOrEqualTo(1);
        done.IssueFailures.ShouldBeGreaterThanOrEqualTo(1);
        var statuses = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == companyDraft || i.Id == memberDraft).ToDictionaryAsync(i => i.Id, i => i.Status));
        (statuses[companyDraft], statuses[memberDraft]).ShouldBe((InvoiceStatus.Issued, InvoiceStatus.Draft));
        var (_, after) = await TestApp.GetHtmlAsync(admin, runPage);
        after.QuerySelector("#run-status")!.TextContent.ShouldBe("Toutes émises");
        after.QuerySelector("#run-issued")!.TextContent.ShouldBe($"{done.InvoicesIssued}");
        after.QuerySelector("#run-failures")!.TextContent.ShouldBe($"{done.IssueFailures}");
        after.QuerySelector("a[href*='confirm=issue']").ShouldBeNull();
        // The billed charges link to their invoice, the issued one by its number.
        var number = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == companyDraft).Select(i => i.Number).SingleAsync());
        var (_, billed) = await TestApp.GetHtmlAsync(admin, $"/admin/charges?locationId={world.Location}&period=2033-01&pending=false");
        billed.QuerySelectorAll("#charges tbody tr").Length.ShouldBe(2);
        billed.QuerySelector($"#charges a[href='/admin/invoices/{companyDraft}']")!.TextContent.ShouldStartWith(number!);
        billed.QuerySelector($"#charges a[href='/admin/invoices/{memberDraft}']")!.TextContent.ShouldStartWith("Brouillon");
        var (_, listed) = await TestApp.GetHtmlAsync(admin, runs);
        listed.QuerySelector($"tr[data-run='{id}'] th a")!.GetAttribute("href").ShouldBe(runPage);
    }

    [Fact]
    public async Task A_stopped_run_is_resumed_from_its_page_and_issuing_it_before_its_drafts_are_ready_is_refused()
    {
        var period = $"0{Random.Shared.Next(100, 999)}-0{Random.Shared.Next(1, 9)}";
        var stopped = new BillingRun(period, Guid.NewGuid(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        stopped.Fail("Connexion perdue", stopped.StartedAt);
        await app.WithDbAsync(async db =>
        {
            db.Add(stopped);
            await db.SaveChangesAsync();
        });
        using var admin = await app.BrowserClientAsync(await AdminAsync());
        var page = $"/admin/billing/runs/{stopped.Id}";

        var (_, failed) = await TestApp.GetHtmlAsync(admin, page);
        failed.QuerySelector("#run-error")!.TextContent.ShouldContain("Connexion perdue");
        failed.QuerySelector("form[action*='handler=Resume'] button").ShouldNotBeNull();
        using (var early = await TestApp.PostFormAsync(admin, $"{page}?handler=Issue", [], page))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, refused) = await TestApp.ParseAsync(early);
            refused.QuerySelector("#run-problem")!.TextContent.ShouldBe("La facturation n'a pas encore fini de préparer ses factures.");
        }

        using (var resumed = await TestApp.PostFormAsync(admin, $"{page}?handler=Resume", [], page))
        {
            resumed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        await WaitAsync(stopped.Id, BillingRunStatus.Drafted);
        await TestApp.GetHtmlAsync(admin, $"/admin/billing/runs/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manager_adds_a_charge_through_the_form_and_finds_it_by_the_filters_and_the_customers_name()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        const string form = "/admin/charges/new";
        var (_, empty) = await TestApp.GetHtmlAsync(browser, form);
        empty.QuerySelector("#Input_LocationId option[selected]")!.GetAttribute("value").ShouldBe(world.Location.ToString());
        empty.QuerySelectorAll("#Input_VatPercent option").Select(o => o.GetAttribute("value")).ShouldBe(["20", "10", "5.5"]);

        // No description, a price that is not one, no customer: each said by its field, everything typed kept.
        using (var bad = await TestApp.PostFormAsync(browser, form, Charge(world, "", "", "douze", "20", "2033-03-04")))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(bad);
            page.QuerySelector("#Input_Description-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector("#Input_UnitPrice-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector("#Input_UnitPrice")!.GetAttribute("value").ShouldBe("douze");
            page.QuerySelector("#Input_Date")!.GetAttribute("value").ShouldBe("2033-03-04");
            page.QuerySelector("#problems a[href='#Input_UnitPrice']").ShouldNotBeNull();
        }
        // A VAT rate the location does not have, then no customer: AddCharge's refusals by their fields.
        using (var rate = await TestApp.PostFormAsync(browser, form, Charge(world, world.MemberId.ToString(), "Clé de casier", "5,50", "7", "2033-03-04")))
        {
            var (_, page) = await TestApp.ParseAsync(rate);
            page.QuerySelector("#Input_VatPercent-error")!.TextContent.ShouldBe("Ce taux de TVA n'est pas l'un des taux de l'espace.");
            page.QuerySelector("#Input_VatPercent option[selected]")!.GetAttribute("value").ShouldBe("7");
            page.QuerySelector("#Input_MemberId option[selected]")!.GetAttribute("value").ShouldBe(world.MemberId.ToString());
            page.QuerySelector("#Input_UnitPrice")!.GetAttribute("value").ShouldBe("5,50");
        }
        using (var nobody = await TestApp.PostFormAsync(browser, form, Charge(world, "", "Clé de casier", "5,50", "20", "2033-03-04")))
        {
            var (_, page) = await TestApp.ParseAsync(nobody);
            page.QuerySelector("#Input_MemberId-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }
        (await app.WithDbAsync(db => db.Charges.CountAsync(c => c.LocationId == world.Location))).ShouldBe(0);

        using var added = await TestApp.PostFormAsync(browser, form, Charge(world, world.MemberId.ToString(), "Clé de casier", "5,50", "20", "2033-03-04"));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var listed = added.Headers.Location!.OriginalString;
        listed.ShouldBe($"/admin/charges?locationId={world.Location}&period=2033-03&pending=true");
        var charge = await app.WithDbAsync(db => db.Charges.AsNoTracking().SingleAsync(c => c.LocationId == world.Location));
        (charge.UnitPriceCents, charge.Source, charge.MemberId).ShouldBe((550L, ChargeSource.Manual, (Guid?)world.MemberId));
        var (_, charges) = await TestApp.GetHtmlAsync(browser, listed);
        charges.QuerySelector(".notice[role=status]")!.TextContent.ShouldContain("mars 2033");
        charges.QuerySelectorAll("#charges tbody tr").Select(r => r.GetAttribute("data-charge")).ShouldBe([charge.Id.ToString()]);
        charges.QuerySelector($"tr[data-charge='{charge.Id}']")!.TextContent.ShouldContain("5,50");

        // The company's charge, found by its name; the member's by theirs; filters that exclude both find nothing.
        using var manager = await world.ManagerAsync();
        await ChargeAsync(manager, new { locationId = world.Location, companyId = world.CompanyId, description = "Domiciliation", quantity = 1, unitPrice = 25m, vatPercent = 20, date = "2033-03-05" });
        var at = $"/admin/charges?locationId={world.Location}";
        (await RowsAsync(browser, $"{at}&q=atelier")).Count.ShouldBe(1);
        (await RowsAsync(browser, $"{at}&q=camille+factur")).ShouldBe([charge.Id.ToString()]);
        (await RowsAsync(browser, $"{at}&source=Manual&period=2033-03")).Count.ShouldBe(2);
        (await RowsAsync(browser, $"{at}&source=Booking")).ShouldBeEmpty();
        (await RowsAsync(browser, $"{at}&pending=false")).ShouldBeEmpty();
        (await RowsAsync(browser, $"{at}&period=2033-04")).ShouldBeEmpty();

        // A host reads the charges of the location without the form; a manager of no location of theirs sees none.
        var host = await app.NewStaffAsync(world.Location, StaffRole.Host, "charges-host");
        using var front = await app.BrowserClientAsync(host);
        var (_, theirs) = await TestApp.GetHtmlAsync(front, at);
        theirs.QuerySelectorAll("#charges tbody tr").Length.ShouldBe(2);
        theirs.QuerySelector("a[href^='/admin/charges/new']").ShouldBeNull();
        theirs.QuerySelector("nav.billing-nav a[href='/admin/billing/runs']").ShouldBeNull();
        using var denied = await front.GetAsync(form);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("/account/denied");
    }

    [Fact]
    public async Task The_network_admin_changes_the_invoicing_terms_through_the_form_and_a_manager_only_reads_them()
    {
        var world = await BillingWorld.CreateAsync(app);
        var email = await AdminAsync();
        using var api = await app.ClientForAsync(email);
        using var admin = await app.BrowserClientAsync(email);
        const string page = "/admin/billing/terms";
        var original = await api.GetFromJsonAsync<JsonElement>("/api/v1/billing/terms");
        try
        {
            using (var bad = await TestApp.PostFormAsync(admin, page, Terms("90", "douze", "2 % à 8 jours", "Virement", vatOnDebits: true)))
            {
                bad.StatusCode.ShouldBe(HttpStatusCode.OK);
                var (_, form) = await TestApp.ParseAsync(bad);
                form.QuerySelector("#Input_PaymentDays-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
                form.QuerySelector("#Input_LatePenaltyPercent-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
                form.QuerySelector("#Input_PaymentDays")!.GetAttribute("value").ShouldBe("90");
                form.QuerySelector("#Input_LatePenaltyPercent")!.GetAttribute("value").ShouldBe("douze");
                form.QuerySelector("#Input_EarlyPaymentDiscount")!.GetAttribute("value").ShouldBe("2 % à 8 jours");
                form.QuerySelector("#Input_VatOnDebits")!.HasAttribute("checked").ShouldBeTrue();
            }
            using (var saved = await TestApp.PostFormAsync(admin, page, Terms("45", "10,5", "2 % à 8 jours", "Virement IBAN FR76 0000", vatOnDebits: true)))
            {
                saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            }
            var terms = await app.WithDbAsync(db => db.BillingTerms.AsNoTracking().SingleAsync());
            (terms.PaymentDays, terms.LatePenaltyMilliPercent, terms.EarlyPaymentDiscount, terms.PaymentTerms, terms.VatOnDebits)
                .ShouldBe((45, 10_500, "2 % à 8 jours", "Virement IBAN FR76 0000", true));
            var (_, shown) = await TestApp.GetHtmlAsync(admin, page);
            shown.QuerySelector("#Input_LatePenaltyPercent")!.GetAttribute("value").ShouldBe("10,5");
            shown.QuerySelector(".notice[role=status]").ShouldNotBeNull();

            using var manager = await app.BrowserClientAsync(world.ManagerEmail);
            var (_, read) = await TestApp.GetHtmlAsync(manager, page);
            read.QuerySelector("#read-only").ShouldNotBeNull();
            read.QuerySelector("#terms-form fieldset")!.HasAttribute("disabled").ShouldBeTrue();
            read.QuerySelector("#terms-form button[type=submit]").ShouldBeNull();
            read.QuerySelector("#Input_PaymentDays")!.GetAttribute("value").ShouldBe("45");
            using var refused = await TestApp.PostFormAsync(manager, page, Terms("10", "1", "", "", vatOnDebits: false));
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldContain("/account/denied");
            (await app.WithDbAsync(db => db.BillingTerms.AsNoTracking().SingleAsync())).PaymentDays.ShouldBe(45);
        }
        finally
        {
            (await api.PutAsJsonAsync("/api/v1/billing/terms", original)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static Dictionary<string, string> Period(string period) => new() { ["Input.Period"] = period };

    private static Dictionary<string, string> Charge(BillingWorld world, string member, string description, string price, string vat, string date) => new()
    {
        ["Input.LocationId"] = world.Location.ToString(), ["Input.MemberId"] = member, ["Input.CompanyId"] = "", ["Input.Description"] = description,
        ["Input.Quantity"] = "1", ["Input.UnitPrice"] = price, ["Input.VatPercent"] = vat, ["Input.Date"] = date,
    };

    private static Dictionary<string, string> Terms(string days, string rate, string discount, string terms, bool vatOnDebits)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.PaymentDays"] = days, ["Input.LatePenaltyPercent"] = rate, ["Input.EarlyPaymentDiscount"] = discount, ["Input.PaymentTerms"] = terms,
        };
        if (vatOnDebits)
        {
            fields["Input.VatOnDebits"] = "true";
        }
        return fields;
    }

    private static async Task<List<string?>> RowsAsync(HttpClient browser, string url)
    {
        var (_, doc) = await TestApp.GetHtmlAsync(browser, url);
        return [.. doc.QuerySelectorAll("#charges tbody tr").Select(r => r.GetAttribute("data-charge"))];
    }

    private static async Task ChargeAsync(HttpClient manager, object body)
    {
        using var response = await manager.PostAsJsonAsync("/api/v1/charges", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> AdminAsync()
    {
        var email = TestApp.NewEmail("billing-pages-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return email;
    }

    /// Polls the run until the worker brings it to the status.
    private async Task<BillingRun> WaitAsync(Guid id, BillingRunStatus status)
    {
        for (var i = 0; i < 600; i++)
        {
            var run = await app.WithDbAsync(db => db.BillingRuns.AsNoTracking().SingleAsync(r => r.Id == id));
            if (run.Status == status)
            {
                return run;
            }
            run.Status.ShouldNotBe(BillingRunStatus.Failed, run.Error);
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {id} never reached {status}.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BillingAdminPagesTests_Sqlite(SqliteTestApp app) : BillingAdminPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BillingAdminPagesTests_Postgres(PostgresTestApp app) : BillingAdminPagesTests(app);
