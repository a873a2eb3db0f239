using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// An issued document's PDF: rendered once at issue from the sealed data, stored with its hash, holding
/// every mandatory mention, downloadable by whoever may see the document and by nobody else.
public abstract class InvoiceDocumentTests(TestApp app)
{
    [Fact]
    public async Task An_issued_company_invoice_is_stored_as_a_PDF_whose_text_holds_the_mentions_of_its_stored_data()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, new
        {
            locationId = world.Location, companyId = world.CompanyId, periodStart = "2026-11-01", periodEnd = "2026-11-30",
            lines = world.Team.Select((m, i) => new { description = $"Forfait temps plein n°{i + 1}", quantity = 1, unitPrice = 250, vatPercent = 20, memberId = m }).ToArray(),
        });
        await world.IssueAsync(manager, id);
        var invoice = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
        var stored = await app.WithDbAsync(db => db.InvoiceDocuments.AsNoTracking().SingleAsync(d => d.InvoiceId == id));
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stored.Content)));
        stored.FileName.ShouldBe($"Facture-{invoice.Number}.pdf");

        using var companyAdmin = await app.ClientForAsync(world.CompanyAdminEmail);
        using var download = await companyAdmin.GetAsync($"/api/v1/invoices/{id}/pdf");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.ShouldBe(stored.Content);
        var text = InvoicePdfText.Normalize(await InvoicePdfText.ExtractAsync(bytes));

        var seller = invoice.Seller!;
        string[] mentions =
        [
            "FACTURE", invoice.Number!, seller.LegalName, seller.LegalForm, seller.ShareCapital!, seller.Street, seller.PostalCode, seller.City, seller.Siren!,
            seller.Siret!, $"RCS {seller.RcsCity}", seller.VatNumber!, invoice.BuyerName, invoice.BuyerStreet, invoice.BuyerCity, invoice.BuyerSiren!,
            invoice.BuyerVatNumber!, invoice.IssueDate!.Value.ToString("dd/MM/yyyy"), invoice.DueDate!.Value.ToString("dd/MM/yyyy"), "01/11/2026", "30/11/2026",
            "Forfait temps plein n°1", "Forfait temps plein n°3", "quarante euros (40 €)", "12,15 %", "Pas d'escompte pour paiement anticipé", "Prestations de services",
            invoice.Footprint!,
        ];
        foreach (var mention in mentions)
        {
            text.ShouldContain(InvoicePdfText.Normalize(mention), Case.Sensitive, mention);
        }
        text.ShouldContain(InvoicePdfText.Normalize(new Cotravail.Common.Money(90000, "EUR").Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))));
        text.ShouldNotContain("293 B");
    }

    [Fact]
    public async Task Only_whoever_may_see_an_issued_document_downloads_it_and_a_draft_has_no_PDF()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var draft = await world.DraftAsync(manager);
        var issued = await world.DraftAsync(manager);
        await world.IssueAsync(manager, issued);

        using var member = await app.ClientForAsync(world.MemberEmail);
        using var companyAdmin = await app.ClientForAsync(world.CompanyAdminEmail);
        (await member.GetAsync($"/api/v1/invoices/{issued}/pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await companyAdmin.GetAsync($"/api/v1/invoices/{issued}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/api/v1/invoices/{draft}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{issued}")).GetProperty("hasPdf").GetBoolean().ShouldBeTrue();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvoiceDocumentTests_Sqlite(SqliteTestApp app) : InvoiceDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvoiceDocumentTests_Postgres(PostgresTestApp app) : InvoiceDocumentTests(app);
