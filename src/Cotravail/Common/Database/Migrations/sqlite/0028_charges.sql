-- 0028: charges (everything billable, once: unique on source, source id and period) and billing runs
-- (a month drafted per payer in batches, then issued), ADR 18's consequences.
CREATE TABLE "Charges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Charges" PRIMARY KEY,
    "LocationId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "CompanyId" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SourceId" TEXT NULL,
    "SourcePeriod" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Quantity" TEXT NOT NULL,
    "UnitPriceCents" INTEGER NOT NULL,
    "VatMilliPercent" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "ServiceDate" TEXT NOT NULL,
    "ServiceEnd" TEXT NULL,
    "InvoiceLineId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
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
    "Id" TEXT NOT NULL CONSTRAINT "PK_BillingRuns" PRIMARY KEY,
    "Period" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ChargesCollected" INTEGER NOT NULL,
    "CustomersTotal" INTEGER NOT NULL,
    "CustomersDone" INTEGER NOT NULL,
    "DraftsCreated" INTEGER NOT NULL,
    "CustomersSkipped" INTEGER NOT NULL,
    "TotalCents" INTEGER NOT NULL,
    "DraftCursor" TEXT NULL,
    "InvoicesIssued" INTEGER NOT NULL,
    "IssueFailures" INTEGER NOT NULL,
    "IssueCursor" TEXT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "IssueRequestedByUserId" TEXT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Error" TEXT NULL,
    "SellerId" INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX "IX_BillingRuns_SellerId_Period" ON "BillingRuns" ("SellerId", "Period") WHERE "Status" <> 'Cancelled';

CREATE INDEX "IX_BillingRuns_Status" ON "BillingRuns" ("Status");

-- A charge billed on an issued invoice never changes and is never deleted (like the invoice's lines, ADR 18).
CREATE TRIGGER "TR_Charges_Sealed_Update" BEFORE UPDATE ON "Charges"
WHEN EXISTS (SELECT 1 FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE l."Id" = OLD."InvoiceLineId" AND i."Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_Charges_Sealed_Delete" BEFORE DELETE ON "Charges"
WHEN EXISTS (SELECT 1 FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE l."Id" = OLD."InvoiceLineId" AND i."Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
