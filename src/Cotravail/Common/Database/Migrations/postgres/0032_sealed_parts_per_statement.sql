-- 0032: the guards of issued documents cost one check per INSERT statement, not one per row (ADR 18, billing
-- run benchmark). A row trigger whose condition reads another table runs a query per row (about 65 µs each);
-- a billing run writing 150,000 lines and VAT rows spent seconds in them. New lines and VAT rows are now
-- checked once per statement against the rows it inserted (a transition table); changes and deletions keep
-- their row triggers (rare, and refused before any other constraint speaks). The charge guard only fires
-- for a charge already on an invoice line: linking a pending charge reads nothing.
DROP TRIGGER "TR_InvoiceLines_Sealed" ON "InvoiceLines";
DROP TRIGGER "TR_InvoiceVats_Sealed" ON "InvoiceVats";
CREATE TRIGGER "TR_InvoiceLines_Sealed" BEFORE UPDATE OR DELETE ON "InvoiceLines" FOR EACH ROW EXECUTE FUNCTION document_part_sealed();
CREATE TRIGGER "TR_InvoiceVats_Sealed" BEFORE UPDATE OR DELETE ON "InvoiceVats" FOR EACH ROW EXECUTE FUNCTION document_part_sealed();

CREATE FUNCTION document_parts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_parts p JOIN "Invoices" i ON i."Id" = p."InvoiceId" WHERE i."Status" = 'Issued') THEN
        RAISE EXCEPTION 'invoice_sealed: the lines of an issued document are never changed' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER "TR_InvoiceLines_Sealed_Insert" AFTER INSERT ON "InvoiceLines" REFERENCING NEW TABLE AS new_parts
    FOR EACH STATEMENT EXECUTE FUNCTION document_parts_inserted();
CREATE TRIGGER "TR_InvoiceVats_Sealed_Insert" AFTER INSERT ON "InvoiceVats" REFERENCING NEW TABLE AS new_parts
    FOR EACH STATEMENT EXECUTE FUNCTION document_parts_inserted();

DROP TRIGGER "TR_Charges_Sealed" ON "Charges";
CREATE TRIGGER "TR_Charges_Sealed" BEFORE UPDATE OR DELETE ON "Charges" FOR EACH ROW WHEN (OLD."InvoiceLineId" IS NOT NULL)
    EXECUTE FUNCTION charge_sealed();

-- The seller of invoices and billing runs written through EF Core: its model sent the shadow property's
-- CLR default (0) instead of leaving the column to its default (1, BillingTerms.SellerId), so the unique
-- numbering and chain indexes compared documents under seller 0 while the counters ran under seller 1.
-- The model now leaves the column to its default; rows written before are moved to seller 1 (the seller is
-- not part of a document's footprint, so the chain is untouched).
ALTER TABLE "Invoices" DISABLE TRIGGER "TR_Invoices_Sealed";
UPDATE "Invoices" SET "SellerId" = 1 WHERE "SellerId" = 0;
ALTER TABLE "Invoices" ENABLE TRIGGER "TR_Invoices_Sealed";
UPDATE "BillingRuns" SET "SellerId" = 1 WHERE "SellerId" = 0;
