using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common.Database;

public abstract class MigrationsTests(TestApp app)
{
    // What EF Core cannot express in the model but a migration adds on purpose (a PostgreSQL exclusion
    // constraint, a SQLite trigger): the exact SchemaDump line, with the reason in a comment.
    // What EF cannot model (decision 0007): the no-overlap guarantee of bookings, by the database itself.
    private static readonly HashSet<string> OnlyInMigrations =
    [
        // SQLite: triggers refusing an overlapping booking on the same seat (backstop of the write transaction),
        // reading the resource's bookings of the last two days only (0022), and refusing a longer block.
        """trigger Bookings TR_Bookings_NoOverlap_Insert CREATE TRIGGER "TR_Bookings_NoOverlap_Insert" BEFORE INSERT ON "Bookings" WHEN NEW."Status" IN ('Pending', 'Confirmed') BEGIN SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS ( SELECT 1 FROM "Bookings" b WHERE b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed') AND b."BlockStart" >= datetime(NEW."BlockStart", '-2 days') AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd"); END""",
        """trigger Bookings TR_Bookings_NoOverlap_Update CREATE TRIGGER "TR_Bookings_NoOverlap_Update" BEFORE UPDATE OF "ResourceId", "Seat", "BlockStart", "BlockEnd", "Status" ON "Bookings" WHEN NEW."Status" IN ('Pending', 'Confirmed') BEGIN SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS ( SELECT 1 FROM "Bookings" b WHERE b."Id" <> NEW."Id" AND b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed') AND b."BlockStart" >= datetime(NEW."BlockStart", '-2 days') AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd"); END""",
        """trigger Bookings TR_Bookings_LongestBlock_Insert CREATE TRIGGER "TR_Bookings_LongestBlock_Insert" BEFORE INSERT ON "Bookings" WHEN julianday(NEW."BlockEnd") - julianday(NEW."BlockStart") > 2 BEGIN SELECT RAISE(ABORT, 'booking_too_long'); END""",
        """trigger Bookings TR_Bookings_LongestBlock_Update CREATE TRIGGER "TR_Bookings_LongestBlock_Update" BEFORE UPDATE OF "BlockStart", "BlockEnd" ON "Bookings" WHEN julianday(NEW."BlockEnd") - julianday(NEW."BlockStart") > 2 BEGIN SELECT RAISE(ABORT, 'booking_too_long'); END""",
        // PostgreSQL: the same two-day bound as a check (0022).
        """check Bookings CK_Bookings_LongestBlock CHECK ((("BlockEnd" - "BlockStart") <= '2 days'::interval))""",
        // PostgreSQL: the exclusion constraint on (resource, seat, time range), its GiST index and extension.
        """exclusion Bookings EX_Bookings_NoOverlap EXCLUDE USING gist ("ResourceId" WITH =, "Seat" WITH =, tstzrange("BlockStart", "BlockEnd", '[)'::text) WITH &&) WHERE ((("Status")::text = ANY ((ARRAY['Pending'::character varying, 'Confirmed'::character varying])::text[])))""",
        "extension btree_gist",
        // Assignments of a desk or office never overlap: SQLite triggers (backstop of the write transaction)
        // and the PostgreSQL exclusion constraint on the date range, with its GiST index.
        """trigger ResourceAssignments TR_ResourceAssignments_NoOverlap_Insert CREATE TRIGGER "TR_ResourceAssignments_NoOverlap_Insert" BEFORE INSERT ON "ResourceAssignments" BEGIN SELECT RAISE(ABORT, 'assignment_overlap') WHERE EXISTS ( SELECT 1 FROM "ResourceAssignments" a WHERE a."ResourceId" = NEW."ResourceId" AND (NEW."To" IS NULL OR a."From" < NEW."To") AND (a."To" IS NULL OR NEW."From" < a."To")); END""",
        """trigger ResourceAssignments TR_ResourceAssignments_NoOverlap_Update CREATE TRIGGER "TR_ResourceAssignments_NoOverlap_Update" BEFORE UPDATE OF "ResourceId", "From", "To" ON "ResourceAssignments" BEGIN SELECT RAISE(ABORT, 'assignment_overlap') WHERE EXISTS ( SELECT 1 FROM "ResourceAssignments" a WHERE a."Id" <> NEW."Id" AND a."ResourceId" = NEW."ResourceId" AND (NEW."To" IS NULL OR a."From" < NEW."To") AND (a."To" IS NULL OR NEW."From" < a."To")); END""",
        // Nobody books a resource while it is assigned, even racing the assignment (0019): SQLite triggers,
        // a PostgreSQL trigger locking the resource's row.
        """trigger Bookings TR_Bookings_NotAssigned_Insert CREATE TRIGGER "TR_Bookings_NotAssigned_Insert" BEFORE INSERT ON "Bookings" WHEN NEW."Assignable" AND NEW."Status" IN ('Pending', 'Confirmed') BEGIN SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS ( SELECT 1 FROM "ResourceAssignments" a WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt")); END""",
        """trigger Bookings TR_Bookings_NotAssigned_Update CREATE TRIGGER "TR_Bookings_NotAssigned_Update" BEFORE UPDATE OF "ResourceId", "Start", "End", "Assignable" ON "Bookings" WHEN NEW."Assignable" AND NEW."Status" IN ('Pending', 'Confirmed') BEGIN SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS ( SELECT 1 FROM "ResourceAssignments" a WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt")); END""",
        """trigger Bookings TR_Bookings_NotAssigned CREATE TRIGGER "TR_Bookings_NotAssigned" BEFORE INSERT OR UPDATE OF "ResourceId", "Start", "End", "Assignable" ON "Bookings" FOR EACH ROW WHEN ((new."Assignable" AND ((new."Status")::text = ANY ((ARRAY['Pending'::character varying, 'Confirmed'::character varying])::text[])))) EXECUTE FUNCTION booking_not_assigned()""",
        """exclusion ResourceAssignments EX_ResourceAssignments_NoOverlap EXCLUDE USING gist ("ResourceId" WITH =, daterange("From", "To", '[)'::text) WITH &&)""",
        """index ResourceAssignments EX_ResourceAssignments_NoOverlap non-unique (ResourceId, daterange(From, To, '[)'::text)) | CREATE INDEX "EX_ResourceAssignments_NoOverlap" ON "ResourceAssignments" USING gist ("ResourceId", daterange("From", "To", '[)'::text))""",
        """index Bookings EX_Bookings_NoOverlap non-unique (ResourceId, Seat, tstzrange(BlockStart, BlockEnd, '[)'::text)) | CREATE INDEX "EX_Bookings_NoOverlap" ON "Bookings" USING gist ("ResourceId", "Seat", tstzrange("BlockStart", "BlockEnd", '[)'::text)) WHERE (("Status")::text = ANY ((ARRAY['Pending'::character varying, 'Confirmed'::character varying])::text[]))""",
        // A resource changing kind carries its bookings' Kind and Assignable along (0021).
        """trigger Resources TR_Resources_KindChanged CREATE TRIGGER "TR_Resources_KindChanged" AFTER UPDATE OF "Kind" ON "Resources" FOR EACH ROW WHEN OLD."Kind" <> NEW."Kind" BEGIN UPDATE "Bookings" SET "Kind" = NEW."Kind", "Assignable" = NEW."Kind" IN ('DedicatedDesk', 'PrivateOffice') WHERE "ResourceId" = NEW."Id"; END""",
        """trigger Resources TR_Resources_KindChanged CREATE TRIGGER "TR_Resources_KindChanged" AFTER UPDATE OF "Kind" ON "Resources" FOR EACH ROW WHEN (((old."Kind")::text IS DISTINCT FROM (new."Kind")::text)) EXECUTE FUNCTION resource_kind_changed()""",
        // Issued invoices, credit notes, their lines, VAT rows, PDFs and payments are never changed or deleted,
        // counters and the footprint chain only move forward (0026, ADR 18): SQLite and PostgreSQL triggers.
        """trigger DocumentChains TR_DocumentChains_Delete CREATE TRIGGER "TR_DocumentChains_Delete" BEFORE DELETE ON "DocumentChains" BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END""",
        """trigger DocumentChains TR_DocumentChains_Forward CREATE TRIGGER "TR_DocumentChains_Forward" BEFORE UPDATE ON "DocumentChains" WHEN NEW."LastIndex" < OLD."LastIndex" OR NEW."SellerId" <> OLD."SellerId" BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END""",
        """trigger InvoiceCounters TR_InvoiceCounters_Delete CREATE TRIGGER "TR_InvoiceCounters_Delete" BEFORE DELETE ON "InvoiceCounters" BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END""",
        """trigger InvoiceCounters TR_InvoiceCounters_Forward CREATE TRIGGER "TR_InvoiceCounters_Forward" BEFORE UPDATE ON "InvoiceCounters" WHEN NEW."LastNumber" < OLD."LastNumber" OR NEW."LastIssueDate" < OLD."LastIssueDate" OR NEW."SellerId" <> OLD."SellerId" OR NEW."Series" <> OLD."Series" BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END""",
        """trigger InvoiceDocuments TR_InvoiceDocuments_Sealed_Delete CREATE TRIGGER "TR_InvoiceDocuments_Sealed_Delete" BEFORE DELETE ON "InvoiceDocuments" BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceDocuments TR_InvoiceDocuments_Sealed_Update CREATE TRIGGER "TR_InvoiceDocuments_Sealed_Update" BEFORE UPDATE ON "InvoiceDocuments" BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceLines TR_InvoiceLines_Sealed_Delete CREATE TRIGGER "TR_InvoiceLines_Sealed_Delete" BEFORE DELETE ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = OLD."InvoiceId" AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceLines TR_InvoiceLines_Sealed_Insert CREATE TRIGGER "TR_InvoiceLines_Sealed_Insert" BEFORE INSERT ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = NEW."InvoiceId" AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceLines TR_InvoiceLines_Sealed_Update CREATE TRIGGER "TR_InvoiceLines_Sealed_Update" BEFORE UPDATE ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" IN (OLD."InvoiceId", NEW."InvoiceId") AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceVats TR_InvoiceVats_Sealed_Delete CREATE TRIGGER "TR_InvoiceVats_Sealed_Delete" BEFORE DELETE ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = OLD."InvoiceId" AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceVats TR_InvoiceVats_Sealed_Insert CREATE TRIGGER "TR_InvoiceVats_Sealed_Insert" BEFORE INSERT ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = NEW."InvoiceId" AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger InvoiceVats TR_InvoiceVats_Sealed_Update CREATE TRIGGER "TR_InvoiceVats_Sealed_Update" BEFORE UPDATE ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" IN (OLD."InvoiceId", NEW."InvoiceId") AND "Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger Invoices TR_Invoices_Sealed_Delete CREATE TRIGGER "TR_Invoices_Sealed_Delete" BEFORE DELETE ON "Invoices" WHEN OLD."Status" = 'Issued' BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger Invoices TR_Invoices_Sealed_Update CREATE TRIGGER "TR_Invoices_Sealed_Update" BEFORE UPDATE ON "Invoices" WHEN OLD."Status" = 'Issued' BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger Payments TR_Payments_Sealed_Delete CREATE TRIGGER "TR_Payments_Sealed_Delete" BEFORE DELETE ON "Payments" BEGIN SELECT RAISE(ABORT, 'payment_sealed'); END""",
        """trigger Payments TR_Payments_Sealed_Update CREATE TRIGGER "TR_Payments_Sealed_Update" BEFORE UPDATE ON "Payments" BEGIN SELECT RAISE(ABORT, 'payment_sealed'); END""",
        // A charge billed on an issued invoice is sealed with it (0028).
        """trigger Charges TR_Charges_Sealed_Delete CREATE TRIGGER "TR_Charges_Sealed_Delete" BEFORE DELETE ON "Charges" WHEN EXISTS (SELECT 1 FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE l."Id" = OLD."InvoiceLineId" AND i."Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger Charges TR_Charges_Sealed_Update CREATE TRIGGER "TR_Charges_Sealed_Update" BEFORE UPDATE ON "Charges" WHEN EXISTS (SELECT 1 FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE l."Id" = OLD."InvoiceLineId" AND i."Status" = 'Issued') BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END""",
        """trigger DocumentChains TR_DocumentChains_Forward CREATE TRIGGER "TR_DocumentChains_Forward" BEFORE DELETE OR UPDATE ON "DocumentChains" FOR EACH ROW EXECUTE FUNCTION chain_forward()""",
        """trigger InvoiceCounters TR_InvoiceCounters_Forward CREATE TRIGGER "TR_InvoiceCounters_Forward" BEFORE DELETE OR UPDATE ON "InvoiceCounters" FOR EACH ROW EXECUTE FUNCTION counter_forward()""",
        """trigger InvoiceDocuments TR_InvoiceDocuments_Sealed CREATE TRIGGER "TR_InvoiceDocuments_Sealed" BEFORE DELETE OR UPDATE ON "InvoiceDocuments" FOR EACH ROW EXECUTE FUNCTION document_sealed()""",
        """trigger InvoiceLines TR_InvoiceLines_NoTruncate CREATE TRIGGER "TR_InvoiceLines_NoTruncate" BEFORE TRUNCATE ON "InvoiceLines" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed()""",
        """trigger InvoiceLines TR_InvoiceLines_Sealed CREATE TRIGGER "TR_InvoiceLines_Sealed" BEFORE DELETE OR UPDATE ON "InvoiceLines" FOR EACH ROW EXECUTE FUNCTION document_part_sealed()""",
        """trigger InvoiceLines TR_InvoiceLines_Sealed_Insert CREATE TRIGGER "TR_InvoiceLines_Sealed_Insert" AFTER INSERT ON "InvoiceLines" REFERENCING NEW TABLE AS new_parts FOR EACH STATEMENT EXECUTE FUNCTION document_parts_inserted()""",
        """trigger InvoiceVats TR_InvoiceVats_Sealed CREATE TRIGGER "TR_InvoiceVats_Sealed" BEFORE DELETE OR UPDATE ON "InvoiceVats" FOR EACH ROW EXECUTE FUNCTION document_part_sealed()""",
        """trigger InvoiceVats TR_InvoiceVats_Sealed_Insert CREATE TRIGGER "TR_InvoiceVats_Sealed_Insert" AFTER INSERT ON "InvoiceVats" REFERENCING NEW TABLE AS new_parts FOR EACH STATEMENT EXECUTE FUNCTION document_parts_inserted()""",
        """trigger Invoices TR_Invoices_NoTruncate CREATE TRIGGER "TR_Invoices_NoTruncate" BEFORE TRUNCATE ON "Invoices" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed()""",
        """trigger Invoices TR_Invoices_Sealed CREATE TRIGGER "TR_Invoices_Sealed" BEFORE DELETE OR UPDATE ON "Invoices" FOR EACH ROW WHEN (((old."Status")::text = 'Issued'::text)) EXECUTE FUNCTION document_sealed()""",
        """trigger Payments TR_Payments_NoTruncate CREATE TRIGGER "TR_Payments_NoTruncate" BEFORE TRUNCATE ON "Payments" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed()""",
        """trigger Payments TR_Payments_Sealed CREATE TRIGGER "TR_Payments_Sealed" BEFORE DELETE OR UPDATE ON "Payments" FOR EACH ROW EXECUTE FUNCTION document_sealed()""",
        """trigger Charges TR_Charges_Sealed CREATE TRIGGER "TR_Charges_Sealed" BEFORE DELETE OR UPDATE ON "Charges" FOR EACH ROW WHEN ((old."InvoiceLineId" IS NOT NULL)) EXECUTE FUNCTION charge_sealed()""",
    ];

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        await using var migrated = await app.CreateScratchDatabaseAsync();
        await using var modelled = await app.CreateScratchDatabaseAsync();
        await using (var db = migrated.NewDb())
        {
            await migrated.NewRunner(db).MigrateAsync();
        }
        await using (var db = modelled.NewDb())
        {
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
        }

        var fromMigrations = (await migrated.DumpAsync()).Where(l => !OnlyInMigrations.Contains(l)).ToList();
        var fromModel = await modelled.DumpAsync();

        fromModel.ShouldContain(l => l.StartsWith("table ", StringComparison.Ordinal));
        var differences = SchemaDump.Diff(fromModel, fromMigrations);
        Assert.True(differences.Count == 0,
            $"The {app.Engine} migrations do not build the EF model's schema (- only in the model, + only in the migrations):\n"
            + string.Join("\n", differences));
    }

    [Fact]
    public async Task Migrations_applied_twice_change_nothing()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        await using (var db = scratch.NewDb())
        {
            (await scratch.NewRunner(db).MigrateAsync()).ShouldBe(MigrationRunner.Scripts(app.Engine).Select(s => s.Version));
        }
        var first = await scratch.DumpAsync();

        await using (var db = scratch.NewDb())
        {
            (await scratch.NewRunner(db).MigrateAsync()).ShouldBeEmpty();
        }

        SchemaDump.Diff(first, await scratch.DumpAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migration_0025_keeps_the_vat_rates_of_existing_locations_in_thousandths_of_a_percent()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var slug = TestData.NewSlug("vat");
        await using (var db = scratch.NewDb())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE schema_migrations (version VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);");
            foreach (var (version, sql) in MigrationRunner.Scripts(app.Engine).Where(s => string.CompareOrdinal(s.Version, "0025") < 0))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
                await db.Database.ExecuteSqlAsync($"INSERT INTO schema_migrations (version, applied_at) VALUES ({version}, '2026-12-01')");
            }
            // in SQL, as the schema of then had it: the model of today has columns added later (0033)
            var id = Guid.CreateVersion7();
            object key = app.Engine == DatabaseEngine.Sqlite ? id.ToString().ToUpperInvariant() : id;
            object created = app.Engine == DatabaseEngine.Sqlite ? "2026-12-01 00:00:00" : new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Locations" ("Id", "Slug", "Name", "Street", "PostalCode", "City", "CountryCode", "TimeZone", "Currency", "OpenSpaceCapacity", "IsActive", "CreatedAt")
                VALUES ({key}, {slug}, 'Avant 0025', '', '', 'Lyon', 'FR', 'Europe/Paris', 'EUR', 0, TRUE, {created})
                """);
            // rates in basis points, as 0001 stored them: 20 % and 5.5 %
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "LocationVatRates" ("LocationId", "Label", "BasisPoints") SELECT "Id", 'Normal', 2000 FROM "Locations" WHERE "Slug" = {slug}""");
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "LocationVatRates" ("LocationId", "Label", "BasisPoints") SELECT "Id", 'Réduit', 550 FROM "Locations" WHERE "Slug" = {slug}""");
        }
        await using (var db = scratch.NewDb())
        {
            (await scratch.NewRunner(db).MigrateAsync()).ShouldContain(v => v.StartsWith("0025", StringComparison.Ordinal));
            var rates = await db.Locations.AsNoTracking().Where(l => l.Slug == slug).SelectMany(l => l.VatRates).ToListAsync();
            rates.Select(r => (r.Label, r.MilliPercent)).OrderBy(r => r.MilliPercent).ShouldBe([("Réduit", 5_500), ("Normal", 20_000)]);
        }
    }

    [Fact]
    public async Task The_app_database_records_every_migration_once()
    {
        var recorded = await app.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync());

        recorded.Order(StringComparer.Ordinal).ShouldBe(MigrationRunner.Scripts(app.Engine).Select(s => s.Version));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MigrationsTests_Sqlite(SqliteTestApp app) : MigrationsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MigrationsTests_Postgres(PostgresTestApp app) : MigrationsTests(app);
