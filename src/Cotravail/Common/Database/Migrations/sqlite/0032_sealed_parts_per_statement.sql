-- 0032: on PostgreSQL the guards of issued documents' lines and VAT rows became statement triggers and the
-- charge guard fires only for a charge on an invoice line (a row trigger reading another table ran a query
-- per row there). SQLite's row triggers evaluate their WHEN in-process with one indexed lookup, a cost the
-- billing run's benchmark does not notice: they stay as they are.

-- The seller of invoices and billing runs written through EF Core: its model sent the shadow property's
-- CLR default (0) instead of leaving the column to its default (1, BillingTerms.SellerId), so the unique
-- numbering and chain indexes compared documents under seller 0 while the counters ran under seller 1.
-- The model now leaves the column to its default; rows written before are moved to seller 1 (the seller is
-- not part of a document's footprint, so the chain is untouched).
DROP TRIGGER "TR_Invoices_Sealed_Update";
UPDATE "Invoices" SET "SellerId" = 1 WHERE "SellerId" = 0;
CREATE TRIGGER "TR_Invoices_Sealed_Update" BEFORE UPDATE ON "Invoices" WHEN OLD."Status" = 'Issued'
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
UPDATE "BillingRuns" SET "SellerId" = 1 WHERE "SellerId" = 0;
