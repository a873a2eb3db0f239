using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The billing pages call the API's handlers: a manager drafts through the form (errors by their field, what was
/// typed kept), issues after a confirmation, records a payment, credits a line; a member downloads their own PDFs
/// only; a host reads without acting; a manager of another location finds nothing.
public abstract class InvoicePagesTests(TestApp app)
{
    [Fact]
    public async Task A_manager_drafts_through_the_form_issues_after_confirming_records_a_payment_and_credits_a_line()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        const string form = "/admin/invoices/new";
        var (_, empty) = await TestApp.GetHtmlAsync(browser, form);
        empty.QuerySelector("#Input_LocationId option[selected]")!.GetAttribute("value").ShouldBe(world.Location.ToString());
        empty.QuerySelectorAll("#Input_Lines_0__VatPercent option").Select(o => o.GetAttribute("value")).ShouldBe(["20", "10", "5.5"]);
        empty.QuerySelectorAll("#lines tbody tr").Length.ShouldBe(DraftRows);

        // A negative quantity: the message by that field, every typed value back as typed, the empty row ignored.
        var typed = Draft(world, ("Pass journée", "2", "12,50", "20"), ("Salle de réunion", "-1", "30.00", "20"), ("", "1", "", "20"));
        using (var negative = await TestApp.PostFormAsync(browser, form, typed))
        {
            negative.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(negative);
            page.QuerySelector("#Input_Lines_1__Quantity-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector("#Input_Lines_1__Quantity")!.GetAttribute("value").ShouldBe("-1");
            page.QuerySelector("#Input_Lines_0__UnitPrice")!.GetAttribute("value").ShouldBe("12,50");
            page.QuerySelector("#Input_Lines_1__UnitPrice")!.GetAttribute("value").ShouldBe("30.00");
            page.QuerySelector("#Input_Lines_1__Description")!.GetAttribute("value").ShouldBe("Salle de réunion");
            page.QuerySelector("#Input_BuyerStreet")!.GetAttribute("value").ShouldBe("12 rue des Arts");
            page.QuerySelector("#problems a[href='#Input_Lines_1__Quantity']").ShouldNotBeNull();
            page.QuerySelector("#Input_Lines_2__Description-error")!.TextContent.ShouldBeEmpty();
            page.QuerySelector("#Input_Lines_2__UnitPrice")!.GetAttribute("value").ShouldBeNullOrEmpty();
        }

        // A VAT rate the location does not have comes back from SaveDraft as lines[1].vatPercent: shown by that row.
        typed = Draft(world, ("Pass journée", "2", "12,50", "20"), ("", "", "", "20"), ("Salle de réunion", "1", "30.00", "7"));
        using (var unknownRate = await TestApp.PostFormAsync(browser, form, typed))
        {
            unknownRate.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(unknownRate);
            page.QuerySelector("#Input_Lines_2__VatPercent-error")!.TextContent.ShouldBe("Ce taux de TVA n'est pas l'un des taux de l'espace.");
            page.QuerySelector("#Input_Lines_2__VatPercent option[selected]")!.GetAttribute("value").ShouldBe("7");
            page.QuerySelector("#Input_Lines_0__VatPercent option[selected]")!.GetAttribute("value").ShouldBe("20");
        }
        (await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.LocationId == world.Location))).ShouldBe(0);

        // "Add lines" shows three more rows and keeps everything, without messages; the form as shown is then saved.
        typed = Draft(world, ("Pass journée", "2", "12,50", "20"), ("Salle de réunion", "1", "30.00", "20"));
        Dictionary<string, string> shown;
        using (var more = await TestApp.PostFormAsync(browser, form + "?handler=AddLines", typed, form))
        {
            more.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(more);
            page.QuerySelectorAll("#lines tbody tr").Length.ShouldBe(2 + DraftRows);
            page.QuerySelector("#Input_Lines_1__UnitPrice")!.GetAttribute("value").ShouldBe("30.00");
            page.QuerySelector("#Input_Lines_4__Description")!.GetAttribute("value").ShouldBeNullOrEmpty();
            page.QuerySelector("#problems").ShouldBeNull();
            page.QuerySelector("form.stacked")!.GetAttribute("action").ShouldBe(form);
            shown = TestApp.FormValues(page);
        }

        using var saved = await TestApp.PostFormAsync(browser, form, shown);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page1 = saved.Headers.Location!.OriginalString;
        var id = await app.WithDbAsync(db => db.Invoices.Where(i => i.LocationId == world.Location).Select(i => i.Id).SingleAsync());
        page1.ShouldBe($"/admin/invoices/{id}");
        var (_, draft) = await TestApp.GetHtmlAsync(browser, page1);
        draft.QuerySelector("h1")!.TextContent.ShouldContain("Brouillon de facture");
        draft.QuerySelectorAll("#invoice-lines tbody tr").Length.ShouldBe(2);
        draft.QuerySelector("#totals")!.TextContent.ShouldContain("66,00");
        draft.QuerySelector($"a[href='/admin/invoices/{id}/edit']").ShouldNotBeNull();

        // The edit form shows the draft as stored: the member's printed name is the member's, the address typed.
        var (_, edit) = await TestApp.GetHtmlAsync(browser, $"/admin/invoices/{id}/edit");
        edit.QuerySelector("#Input_Lines_0__UnitPrice")!.GetAttribute("value").ShouldBe("12,50");
        edit.QuerySelector("#Input_BuyerName")!.GetAttribute("value").ShouldBeNullOrEmpty();
        edit.QuerySelector("#Input_BuyerCity")!.GetAttribute("value").ShouldBe("Lyon");
        edit.QuerySelectorAll("#lines tbody tr").Length.ShouldBe(2 + DraftRows);

        // Issuing asks first, then the number is in the notice.
        var (_, confirm) = await TestApp.GetHtmlAsync(browser, $"{page1}?confirm=issue");
        confirm.QuerySelector("#confirm-issue form[method=post]").ShouldNotBeNull();
        draft.QuerySelector("#confirm-issue").ShouldBeNull();
        using (var issued = await TestApp.PostFormAsync(browser, $"{page1}?handler=Issue", [], page1))
        {
            issued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var number = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Number).SingleAsync());
        number.ShouldNotBeNull();
        var (_, invoice) = await TestApp.GetHtmlAsync(browser, page1);
        invoice.QuerySelector(".notice[role=status]")!.TextContent.ShouldContain(number!);
        invoice.QuerySelector("h1")!.TextContent.ShouldContain($"Facture {number}");
        invoice.QuerySelector($"a[href='/admin/invoices/{id}/pdf']").ShouldNotBeNull();
        invoice.QuerySelector($"a[href='/admin/invoices/{id}/edit']").ShouldBeNull();

        // More than is due is refused by the payment form, the amount kept; a part of it makes the invoice partly paid.
        using (var overpaid = await TestApp.PostFormAsync(browser, $"{page1}?handler=Payment", Payment("1000", "Transfer", "VIR-1"), page1))
        {
            overpaid.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(overpaid);
            page.QuerySelector("#Payment_Amount-error")!.TextContent.ShouldBe("Ce paiement dépasse le reste à payer.");
            page.QuerySelector("#Payment_Amount")!.GetAttribute("value").ShouldBe("1000");
            page.QuerySelector("#Payment_Reference")!.GetAttribute("value").ShouldBe("VIR-1");
        }
        using (var paid = await TestApp.PostFormAsync(browser, $"{page1}?handler=Payment", Payment("20,5", "Cheque", "Chèque 123"), page1))
        {
            paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, partly) = await TestApp.GetHtmlAsync(browser, page1);
        partly.QuerySelector("h1 .badge")!.TextContent.ShouldBe("Partiellement payée");
        partly.QuerySelector("#payment-list tbody tr")!.TextContent.ShouldContain("Chèque 123");
        partly.QuerySelector("#left-to-pay")!.TextContent.ShouldContain("45,50");

        // A credit note for the second line only, drafted from the form and issued after confirming.
        var lines = await app.WithDbAsync(db => db.InvoiceLines.Where(l => l.InvoiceId == id).OrderBy(l => l.Position).Select(l => l.Id).ToListAsync());
        partly.QuerySelector("#Credit_Lines_1__Quantity")!.GetAttribute("value").ShouldBe("1");
        using var credited = await TestApp.PostFormAsync(browser, $"{page1}?handler=CreditNote", new Dictionary<string, string>
        {
            ["Credit.Lines[0].LineId"] = lines[0].ToString(), ["Credit.Lines[0].Quantity"] = "",
            ["Credit.Lines[1].LineId"] = lines[1].ToString(), ["Credit.Lines[1].Quantity"] = "1",
            ["Credit.Reason"] = "Salle annulée",
        }, page1);
        credited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await credited.Content.ReadAsStringAsync());
        var notePage = credited.Headers.Location!.OriginalString;
        var (_, note) = await TestApp.GetHtmlAsync(browser, notePage);
        note.QuerySelector("h1")!.TextContent.ShouldContain("Brouillon d'avoir");
        note.QuerySelectorAll("#invoice-lines tbody tr").Length.ShouldBe(1);
        note.QuerySelector($"a[href='/admin/invoices/{id}']")!.TextContent.ShouldBe(number);
        using (var issuedNote = await TestApp.PostFormAsync(browser, $"{notePage}?handler=Issue", [], notePage))
        {
            issuedNote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, issuedCredit) = await TestApp.GetHtmlAsync(browser, notePage);
        issuedCredit.QuerySelector("h1")!.TextContent.ShouldMatch("Avoir AV-[0-9]{6}");
        var (_, after) = await TestApp.GetHtmlAsync(browser, page1);
        after.QuerySelector("#left-to-pay")!.TextContent.ShouldContain("9,50");

        var (_, list) = await TestApp.GetHtmlAsync(browser, $"/admin/invoices?locationId={world.Location}&state=PartlyPaid");
        list.QuerySelector($"tr[data-invoice='{id}'] th")!.TextContent.ShouldContain(number!);
        list.QuerySelectorAll("#invoices tbody tr").Length.ShouldBe(1);
        var (_, chain) = await TestApp.GetHtmlAsync(browser, "/admin/billing/chain");
        chain.QuerySelector("#chain-result")!.TextContent.ShouldContain("La chaîne est intacte");
    }

    [Fact]
    public async Task Issuing_a_draft_without_the_customers_address_says_so_in_the_issuing_box()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, new
        {
            locationId = world.Location, memberId = world.MemberId, lines = new[] { new { description = "Pass", quantity = 1, unitPrice = 20, vatPercent = 20 } },
        });
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        var page = $"/admin/invoices/{id}";
        using var refused = await TestApp.PostFormAsync(browser, $"{page}?handler=Issue", [], page);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(refused);
        doc.QuerySelector("#confirm-issue [role=alert]")!.TextContent.ShouldBe("Le nom et l'adresse du client figurent sur la facture : renseignez-les.");
        doc.QuerySelector($"#confirm-issue a[href='/admin/invoices/{id}/edit']").ShouldNotBeNull();

        using var deleted = await TestApp.PostFormAsync(browser, $"{page}?handler=Delete", [], page);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Invoices.AnyAsync(i => i.Id == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_member_sees_and_downloads_only_their_issued_invoices_and_a_company_admin_also_the_companys()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var own = await world.DraftAsync(manager);
        await world.IssueAsync(manager, own);
        var draft = await world.DraftAsync(manager);
        var company = await world.DraftAsync(manager, new
        {
            locationId = world.Location, memberId = world.Team[1], lines = new[] { new { description = "Bureau privé", quantity = 1, unitPrice = 400, vatPercent = 20 } },
        });
        await world.IssueAsync(manager, company);

        using var member = await app.BrowserClientAsync(world.MemberEmail);
        var (_, mine) = await TestApp.GetHtmlAsync(member, "/me/invoices");
        mine.QuerySelectorAll("#my-invoices tbody tr").Select(r => r.GetAttribute("data-invoice")).ShouldBe([own.ToString()]);
        mine.QuerySelector("#my-invoices-balance")!.TextContent.ShouldContain("60,00");
        mine.QuerySelector("#company-invoices").ShouldBeNull();
        mine.QuerySelector($"a[href='/me/invoices/{own}/pdf']").ShouldNotBeNull();
        using (var pdf = await member.GetAsync($"/me/invoices/{own}/pdf"))
        {
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await pdf.Content.ReadAsByteArrayAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        }
        foreach (var other in new[] { company, draft })
        {
            using var refused = await member.GetAsync($"/me/invoices/{other}/pdf");
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var admin = await app.BrowserClientAsync(world.CompanyAdminEmail);
        var (_, theirs) = await TestApp.GetHtmlAsync(admin, "/me/invoices");
        theirs.QuerySelectorAll("#company-invoices tbody tr").Select(r => r.GetAttribute("data-invoice")).ShouldBe([company.ToString()]);
        theirs.QuerySelector("#company-title")!.TextContent.ShouldStartWith("Factures de ");
        theirs.QuerySelectorAll("#my-invoices tbody tr").ShouldBeEmpty();
        using var companyPdf = await admin.GetAsync($"/me/invoices/{company}/pdf");
        companyPdf.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_reads_without_acting_and_a_manager_of_another_location_finds_nothing()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var issued = await world.DraftAsync(manager);
        await world.IssueAsync(manager, issued);
        var draft = await world.DraftAsync(manager);
        var host = TestApp.NewEmail("billing-host");
        var hostUser = await app.CreateUserAsync(host);
        var outsider = TestApp.NewEmail("billing-outsider");
        var outsiderUser = await app.CreateUserAsync(outsider);
        var admin = TestApp.NewEmail("billing-pages-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var adminApi = await app.ClientForAsync(admin);
        using var created = await adminApi.PostAsJsonAsync("/api/v1/locations", TestData.Location("Elsewhere", TestData.NewSlug("elsewhere"), openEveryDay: true));
        var elsewhere = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await app.WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(hostUser.Id, world.Location, StaffRole.Host));
            db.StaffAssignments.Add(new StaffAssignment(outsiderUser.Id, elsewhere, StaffRole.Manager));
            await db.SaveChangesAsync();
        });

        using var front = await app.BrowserClientAsync(host);
        var (_, list) = await TestApp.GetHtmlAsync(front, $"/admin/invoices?locationId={world.Location}");
        list.QuerySelectorAll("#invoices tbody tr").Select(r => r.GetAttribute("data-invoice")).ShouldBe([draft.ToString(), issued.ToString()]);
        list.QuerySelector("a[href='/admin/invoices/new']").ShouldBeNull();
        foreach (var id in new[] { issued, draft })
        {
            var (_, detail) = await TestApp.GetHtmlAsync(front, $"/admin/invoices/{id}?confirm=issue");
            detail.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
            detail.QuerySelector($"a[href='/admin/invoices/{id}/edit']").ShouldBeNull();
            detail.QuerySelector("a[href*='confirm=']").ShouldBeNull();
            detail.QuerySelectorAll("#invoice-lines tbody tr").Length.ShouldBe(1);
        }
        using (var pdf = await front.GetAsync($"/admin/invoices/{issued}/pdf"))
        {
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        }
        using (var newForm = await front.GetAsync("/admin/invoices/new"))
        {
            newForm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            newForm.Headers.Location!.OriginalString.ShouldContain("/account/denied");
        }
        using (var issuing = await TestApp.PostFormAsync(front, $"/admin/invoices/{draft}?handler=Issue", [], $"/admin/invoices/{draft}"))
        {
            issuing.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            issuing.Headers.Location!.OriginalString.ShouldContain("/account/denied");
        }

        using var other = await app.BrowserClientAsync(outsider);
        var (_, theirs) = await TestApp.GetHtmlAsync(other, "/admin/invoices");
        theirs.QuerySelector($"tr[data-invoice='{issued}']").ShouldBeNull();
        await TestApp.GetHtmlAsync(other, $"/admin/invoices/{issued}", HttpStatusCode.NotFound);
        await TestApp.GetHtmlAsync(other, $"/admin/invoices/{draft}/edit", HttpStatusCode.NotFound);
        using (var pdf = await other.GetAsync($"/admin/invoices/{issued}/pdf"))
        {
            pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var issuing = await TestApp.PostFormAsync(other, $"/admin/invoices/{draft}?handler=Issue", [], "/admin/invoices"))
        {
            issuing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == draft).Select(i => i.Status).SingleAsync())).ShouldBe(InvoiceStatus.Draft);
    }

    private const int DraftRows = 3;

    /// The draft form's fields for the world's member, with these rows (description, quantity, unit price, VAT rate) as typed.
    private static Dictionary<string, string> Draft(BillingWorld world, params (string Description, string Quantity, string Price, string Vat)[] rows)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.LocationId"] = world.Location.ToString(), ["Input.Language"] = "fr", ["Input.MemberId"] = world.MemberId.ToString(), ["Input.CompanyId"] = "",
            ["Input.BuyerName"] = "", ["Input.BuyerStreet"] = "12 rue des Arts", ["Input.BuyerPostalCode"] = "69001", ["Input.BuyerCity"] = "Lyon",
            ["Input.BuyerCountryCode"] = "", ["Input.PeriodStart"] = "2026-11-01", ["Input.PeriodEnd"] = "2026-11-30",
        };
        for (var i = 0; i < rows.Length; i++)
        {
            fields[$"Input.Lines[{i}].Description"] = rows[i].Description;
            fields[$"Input.Lines[{i}].Quantity"] = rows[i].Quantity;
            fields[$"Input.Lines[{i}].UnitPrice"] = rows[i].Price;
            fields[$"Input.Lines[{i}].Discount"] = "0";
            fields[$"Input.Lines[{i}].VatPercent"] = rows[i].Vat;
            fields[$"Input.Lines[{i}].MemberId"] = "";
        }
        return fields;
    }

    private static Dictionary<string, string> Payment(string amount, string method, string reference) => new()
    {
        ["Payment.Amount"] = amount, ["Payment.Method"] = method, ["Payment.ReceivedOn"] = "", ["Payment.Reference"] = reference,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class InvoicePagesTests_Sqlite(SqliteTestApp app) : InvoicePagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvoicePagesTests_Postgres(PostgresTestApp app) : InvoicePagesTests(app);
