using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// An issued invoice, its lines, VAT rows and payments are never changed or deleted: the API refuses,
/// the database refuses hand-written SQL, and a change made behind the triggers' back is found by the
/// chain verification at that very invoice.
public abstract class SealedDocumentsTests(TestApp app)
{
    [Fact]
    public async Task The_API_refuses_to_change_or_delete_an_issued_invoice()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager);
        await world.IssueAsync(manager, id);

        using var put = await manager.PutAsJsonAsync($"/api/v1/invoices/{id}", world.Draft(("Autre chose", 1, 1, 20)));
        using var delete = await manager.DeleteAsync($"/api/v1/invoices/{id}");
        using var again = await manager.PostAsync($"/api/v1/invoices/{id}/issue", null);

        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("avoir"); // French by default: "Un avoir le corrige."
        var stored = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == id));
        stored.Lines.Single().Description.ShouldBe("Pass journée");
    }

    [Fact]
    public async Task The_database_refuses_SQL_that_changes_or_deletes_an_issued_document_its_lines_or_its_payments()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager);
        await world.IssueAsync(manager, id);
        using var paid = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/payments", new { amount = 10, method = "Cash" });
        paid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = await world.DraftAsync(manager);

        string[] refused =
        [
            $"""UPDATE "Invoices" SET "BuyerName" = 'Quelqu''un d''autre' WHERE "Id" = '{Sql(id)}'""",
            $"""UPDATE "Invoices" SET "Status" = 'Draft' WHERE "Id" = '{Sql(id)}'""",
            $"""DELETE FROM "Invoices" WHERE "Id" = '{Sql(id)}'""",
            $"""UPDATE "InvoiceLines" SET "UnitPriceCents" = 1 WHERE "InvoiceId" = '{Sql(id)}'""",
            $"""DELETE FROM "InvoiceLines" WHERE "InvoiceId" = '{Sql(id)}'""",
            $"""UPDATE "InvoiceLines" SET "InvoiceId" = '{Sql(id)}' WHERE "InvoiceId" = '{Sql(draft)}'""",
            // a line or a VAT row added to an issued invoice, alone or among the rows of a draft (checked per statement)
            $"""INSERT INTO "InvoiceLines" ("Id", "InvoiceId", "Position", "Description", "Quantity", "UnitPriceCents", "DiscountCents", "NetCents", "VatMilliPercent") VALUES ('{Sql(Guid.CreateVersion7())}', '{Sql(id)}', 99, 'Ajout', 1, 100, 0, 100, 20000)""",
            $"""INSERT INTO "InvoiceLines" ("Id", "InvoiceId", "Position", "Description", "Quantity", "UnitPriceCents", "DiscountCents", "NetCents", "VatMilliPercent") VALUES ('{Sql(Guid.CreateVersion7())}', '{Sql(draft)}', 98, 'Ajout', 1, 100, 0, 100, 20000), ('{Sql(Guid.CreateVersion7())}', '{Sql(id)}', 99, 'Ajout', 1, 100, 0, 100, 20000)""",
            $"""INSERT INTO "InvoiceVats" ("InvoiceId", "VatMilliPercent", "TaxableCents", "VatCents") VALUES ('{Sql(id)}', 5500, 100, 6)""",
            $"""UPDATE "InvoiceVats" SET "VatCents" = 0 WHERE "InvoiceId" = '{Sql(id)}'""",
            $"""DELETE FROM "InvoiceVats" WHERE "InvoiceId" = '{Sql(id)}'""",
            $"""UPDATE "Payments" SET "AmountCents" = 1 WHERE "InvoiceId" = '{Sql(id)}'""",
            $"""DELETE FROM "Payments" WHERE "InvoiceId" = '{Sql(id)}'""",
            """UPDATE "InvoiceCounters" SET "LastNumber" = "LastNumber" - 1""",
            """UPDATE "InvoiceCounters" SET "LastIssueDate" = '2000-01-01'""",
            """DELETE FROM "InvoiceCounters" """,
            """UPDATE "DocumentChains" SET "LastIndex" = "LastIndex" - 1""",
            .. app.Engine == DatabaseEngine.Postgres ? (string[])["""TRUNCATE "Payments" """, """TRUNCATE "Invoices" CASCADE"""] : [],
        ];
        foreach (var sql in refused)
        {
            var failure = await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)), sql);
            failure.Message.ShouldMatch("invoice_sealed|payment_sealed|counter_backwards", sql);
        }

        var stored = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == id));
        stored.BuyerName.ShouldBe("Camille Facturée");
        stored.Lines.Single().UnitPriceCents.ShouldBe(2500);
        // A draft stays a draft: changed and deleted freely.
        var deleteDraft = $"""DELETE FROM "Invoices" WHERE "Id" = '{Sql(draft)}'""";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(deleteDraft));
    }

    [Fact]
    public async Task Altering_one_stored_invoice_behind_the_triggers_is_found_at_that_invoice()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = await world.DraftAsync(manager);
            await world.IssueAsync(manager, id);
            ids.Add(id);
        }
        var victim = ids[1];
        var number = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == victim).Select(i => i.Number).SingleAsync());
        (await manager.GetFromJsonAsync<JsonElement>("/api/v1/billing/chain")).GetProperty("intact").GetBoolean().ShouldBeTrue();

        await BehindTheTriggersAsync($"""UPDATE "InvoiceLines" SET "UnitPriceCents" = 250 WHERE "InvoiceId" = '{Sql(victim)}'""");
        JsonElement report;
        AngleSharp.Dom.IDocument page;
        using var browser = await app.BrowserClientAsync(world.ManagerEmail);
        try
        {
            report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/billing/chain");
            (_, page) = await TestApp.GetHtmlAsync(browser, "/admin/billing/chain");
        }
        finally
        {
            await BehindTheTriggersAsync($"""UPDATE "InvoiceLines" SET "UnitPriceCents" = 2500 WHERE "InvoiceId" = '{Sql(victim)}'""");
        }

        report.GetProperty("intact").GetBoolean().ShouldBeFalse();
        report.GetProperty("firstBroken").GetProperty("invoiceId").GetGuid().ShouldBe(victim);
        report.GetProperty("firstBroken").GetProperty("number").GetString().ShouldBe(number);
        page.QuerySelector($"#chain-result[role=alert] a[href='/admin/invoices/{victim}']")!.TextContent.ShouldBe(number);
        page.QuerySelector("#chain-result")!.TextContent.ShouldContain("Son contenu ne correspond plus à son empreinte.");
        (await manager.GetFromJsonAsync<JsonElement>("/api/v1/billing/chain")).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    /// A GUID as each engine stores it (EF Core keeps SQLite's as upper-case text).
    private string Sql(Guid id) => app.Engine == DatabaseEngine.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    /// What someone with the database's owner rights could do: switch the guard off, change, switch it on.
    private Task BehindTheTriggersAsync(string sql)
    {
        var script = app.Engine == DatabaseEngine.Postgres
        ? $"""ALTER TABLE "InvoiceLines" DISABLE TRIGGER "TR_InvoiceLines_Sealed"; {sql}; ALTER TABLE "InvoiceLines" ENABLE TRIGGER "TR_InvoiceLines_Sealed";"""
        : $"""
           DROP TRIGGER "TR_InvoiceLines_Sealed_Update"; {sql};
           CREATE TRIGGER "TR_InvoiceLines_Sealed_Update" BEFORE UPDATE ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" IN (OLD."InvoiceId", NEW."InvoiceId") AND "Status" = 'Issued')
           BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
           """;
        return app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(script));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SealedDocumentsTests_Sqlite(SqliteTestApp app) : SealedDocumentsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SealedDocumentsTests_Postgres(PostgresTestApp app) : SealedDocumentsTests(app);
