-- 0028: charges (everything billable, once: unique on source, source id and period) and billing runs
-- (a month drafted per payer in batches, then issued), ADR 18's consequences.
CREATE TABLE "Charges" (
    "Id" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "MemberId" uuid,
    "CompanyId" uuid,
    "Source" character varying(30) NOT NULL,
    "SourceId" uuid,
    "SourcePeriod" character varying(7) NOT NULL,
    "Description" character varying(500) NOT NULL,
    "Quantity" numeric(12,3) NOT NULL,
    "UnitPriceCents" bigint NOT NULL,
    "VatMilliPercent" integer NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "ServiceDate" date NOT NULL,
    "ServiceEnd" date,
    "InvoiceLineId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Charges" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Charges_Amounts" CHECK ("Quantity" > 0 AND "UnitPriceCents" >= 0 AND "VatMilliPercent" BETWEEN 0 AND 100000),
    CONSTRAINT "CK_Charges_Payer" CHECK ("MemberId" IS NOT NULL OR "CompanyId" IS NOT NULL),
    CONSTRAINT "FK_Charges_InvoiceLines_InvoiceLineId" FOREIGN KEY ("InvoiceLineId") REFERENCES "InvoiceLines" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Charges_CompanyId" ON "Charges" ("CompanyId");

CREATE UNIQUE INDEX "IX_Charges_InvoiceLineId" ON "Charges" ("InvoiceLineId") WHERE "InvoiceLineId" IS NOT NULL;

CREATE INDEX "IX_Charges_MemberId" ON "Charges" ("MemberId");

CREATE UNIQUE INDEX "IX_Charges_Source_SourceId_SourcePeriod" ON "Charges" ("Source", "SourceId", "SourcePeriod");

CREATE INDEX "IX_Charges_SourcePeriod_InvoiceLineId" ON "Charges" ("SourcePeriod", "InvoiceLineId");

CREATE TABLE "BillingRuns" (
    "Id" uuid NOT NULL,
    "Period" character varying(7) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "ChargesCollected" integer NOT NULL,
    "CustomersTotal" integer NOT NULL,
    "CustomersDone" integer NOT NULL,
    "DraftsCreated" integer NOT NULL,
    "CustomersSkipped" integer NOT NULL,
    "TotalCents" bigint NOT NULL,
    "DraftCursor" uuid,
    "InvoicesIssued" integer NOT NULL,
    "IssueFailures" integer NOT NULL,
    "IssueCursor" uuid,
    "StartedByUserId" uuid NOT NULL,
    "IssueRequestedByUserId" uuid,
    "StartedAt" timestamp with time zone NOT NULL,
    "FinishedAt" timestamp with time zone,
    "Error" character varying(500),
    "SellerId" integer NOT NULL DEFAULT 1,
    CONSTRAINT "PK_BillingRuns" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_BillingRuns_SellerId_Period" ON "BillingRuns" ("SellerId", "Period") WHERE "Status" <> 'Cancelled';

CREATE INDEX "IX_BillingRuns_Status" ON "BillingRuns" ("Status");

-- A charge billed on an issued invoice never changes and is never deleted (like the invoice's lines, ADR 18).
CREATE FUNCTION charge_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE l."Id" = OLD."InvoiceLineId" AND i."Status" = 'Issued') THEN
        RAISE EXCEPTION 'invoice_sealed: a charge billed on an issued invoice is never changed' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "TR_Charges_Sealed" BEFORE UPDATE OR DELETE ON "Charges" FOR EACH ROW EXECUTE FUNCTION charge_sealed();
