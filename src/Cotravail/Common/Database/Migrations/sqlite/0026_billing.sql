-- 0026: invoices and credit notes (Modules/Billing, ADR 18). Numbers come from a counter row per seller
-- and series, taken inside the issuing transaction; the chain row is the issuing lock. Issued documents,
-- their lines, VAT rows and PDFs, and payments are never changed or deleted: triggers below refuse it,
-- whatever the client (the application never tries: they are the guarantee against hand-written SQL).
ALTER TABLE "NetworkProfile" ADD COLUMN "ShareCapital" TEXT NULL;

CREATE TABLE "BillingTerms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BillingTerms" PRIMARY KEY,
    "PaymentDays" INTEGER NOT NULL,
    "LatePenaltyMilliPercent" INTEGER NOT NULL,
    "EarlyPaymentDiscount" TEXT NULL,
    "PaymentTerms" TEXT NULL,
    "VatOnDebits" INTEGER NOT NULL,
    CONSTRAINT "CK_BillingTerms_Values" CHECK ("PaymentDays" BETWEEN 0 AND 60 AND "LatePenaltyMilliPercent" >= 0)
);

CREATE TABLE "DocumentChains" (
    "SellerId" INTEGER NOT NULL CONSTRAINT "PK_DocumentChains" PRIMARY KEY,
    "LastIndex" INTEGER NOT NULL,
    "LastFootprint" TEXT NOT NULL
);

CREATE TABLE "InvoiceCounters" (
    "SellerId" INTEGER NOT NULL,
    "Series" TEXT NOT NULL,
    "LastNumber" INTEGER NOT NULL,
    "LastIssueDate" TEXT NULL,
    CONSTRAINT "PK_InvoiceCounters" PRIMARY KEY ("SellerId", "Series"),
    CONSTRAINT "CK_InvoiceCounters_LastNumber" CHECK ("LastNumber" >= 0)
);

CREATE TABLE "Invoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invoices" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Series" TEXT NOT NULL,
    "Sequence" INTEGER NULL,
    "Number" TEXT NULL,
    "IssueDate" TEXT NULL,
    "DueDate" TEXT NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "Currency" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "CompanyId" TEXT NULL,
    "BuyerName" TEXT NOT NULL,
    "BuyerStreet" TEXT NOT NULL,
    "BuyerPostalCode" TEXT NOT NULL,
    "BuyerCity" TEXT NOT NULL,
    "BuyerCountryCode" TEXT NOT NULL,
    "BuyerSiren" TEXT NULL,
    "BuyerVatNumber" TEXT NULL,
    "BuyerEmail" TEXT NULL,
    "Seller_LegalName" TEXT NULL,
    "Seller_LegalForm" TEXT NULL,
    "Seller_ShareCapital" TEXT NULL,
    "Seller_Street" TEXT NULL,
    "Seller_PostalCode" TEXT NULL,
    "Seller_City" TEXT NULL,
    "Seller_CountryCode" TEXT NULL,
    "Seller_Siren" TEXT NULL,
    "Seller_Siret" TEXT NULL,
    "Seller_RcsCity" TEXT NULL,
    "Seller_VatNumber" TEXT NULL,
    "Seller_VatFranchise" INTEGER NULL,
    "Seller_VatOnDebits" INTEGER NULL,
    "Seller_Email" TEXT NULL,
    "Seller_LatePenaltyMilliPercent" INTEGER NULL,
    "Seller_EarlyPaymentDiscount" TEXT NULL,
    "Seller_PaymentTerms" TEXT NULL,
    "CorrectsInvoiceId" TEXT NULL,
    "CorrectsNumber" TEXT NULL,
    "CorrectsIssueDate" TEXT NULL,
    "Note" TEXT NULL,
    "NetTotalCents" INTEGER NOT NULL,
    "VatTotalCents" INTEGER NOT NULL,
    "GrossTotalCents" INTEGER NOT NULL,
    "ChainIndex" INTEGER NULL,
    "PreviousFootprint" TEXT NULL,
    "Footprint" TEXT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IssuedByUserId" TEXT NULL,
    "IssuedAt" TEXT NULL,
    "SourceKey" TEXT NULL,
    "SellerId" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "CK_Invoices_Corrects" CHECK (("Kind" = 'CreditNote') = ("CorrectsInvoiceId" IS NOT NULL)),
    CONSTRAINT "CK_Invoices_Issued" CHECK ("Status" = 'Draft' OR ("Sequence" IS NOT NULL AND "Number" IS NOT NULL AND "IssueDate" IS NOT NULL AND "DueDate" IS NOT NULL AND "ChainIndex" IS NOT NULL AND "Footprint" IS NOT NULL)),
    CONSTRAINT "CK_Invoices_Totals" CHECK ("NetTotalCents" >= 0 AND "VatTotalCents" >= 0 AND "GrossTotalCents" = "NetTotalCents" + "VatTotalCents"),
    CONSTRAINT "FK_Invoices_Invoices_CorrectsInvoiceId" FOREIGN KEY ("CorrectsInvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InvoiceDocuments" (
    "InvoiceId" TEXT NOT NULL CONSTRAINT "PK_InvoiceDocuments" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Sha256" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_InvoiceDocuments_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InvoiceLines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InvoiceLines" PRIMARY KEY,
    "InvoiceId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Quantity" TEXT NOT NULL,
    "UnitPriceCents" INTEGER NOT NULL,
    "DiscountCents" INTEGER NOT NULL,
    "NetCents" INTEGER NOT NULL,
    "VatMilliPercent" INTEGER NOT NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "MemberId" TEXT NULL,
    "ChargeId" TEXT NULL,
    "CreditsLineId" TEXT NULL,
    CONSTRAINT "CK_InvoiceLines_Amounts" CHECK ("Quantity" > 0 AND "UnitPriceCents" >= 0 AND "DiscountCents" >= 0 AND "NetCents" >= 0 AND "VatMilliPercent" >= 0),
    CONSTRAINT "FK_InvoiceLines_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InvoiceVats" (
    "InvoiceId" TEXT NOT NULL,
    "VatMilliPercent" INTEGER NOT NULL,
    "TaxableCents" INTEGER NOT NULL,
    "VatCents" INTEGER NOT NULL,
    CONSTRAINT "PK_InvoiceVats" PRIMARY KEY ("InvoiceId", "VatMilliPercent"),
    CONSTRAINT "FK_InvoiceVats_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Payments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY,
    "InvoiceId" TEXT NOT NULL,
    "AmountCents" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "CK_Payments_Amount" CHECK ("AmountCents" <> 0),
    CONSTRAINT "FK_Payments_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_InvoiceLines_ChargeId" ON "InvoiceLines" ("ChargeId") WHERE "ChargeId" IS NOT NULL;

CREATE INDEX "IX_InvoiceLines_CreditsLineId" ON "InvoiceLines" ("CreditsLineId") WHERE "CreditsLineId" IS NOT NULL;

CREATE UNIQUE INDEX "IX_InvoiceLines_InvoiceId_Position" ON "InvoiceLines" ("InvoiceId", "Position");

CREATE INDEX "IX_Invoices_CompanyId" ON "Invoices" ("CompanyId");

CREATE INDEX "IX_Invoices_CorrectsInvoiceId" ON "Invoices" ("CorrectsInvoiceId");

CREATE INDEX "IX_Invoices_LocationId_IssueDate" ON "Invoices" ("LocationId", "IssueDate");

CREATE INDEX "IX_Invoices_MemberId" ON "Invoices" ("MemberId");

CREATE UNIQUE INDEX "IX_Invoices_SellerId_ChainIndex" ON "Invoices" ("SellerId", "ChainIndex") WHERE "ChainIndex" IS NOT NULL;

CREATE UNIQUE INDEX "IX_Invoices_SellerId_Series_Sequence" ON "Invoices" ("SellerId", "Series", "Sequence") WHERE "Sequence" IS NOT NULL;

CREATE UNIQUE INDEX "IX_Invoices_SourceKey" ON "Invoices" ("SourceKey") WHERE "SourceKey" IS NOT NULL;

CREATE INDEX "IX_Payments_InvoiceId" ON "Payments" ("InvoiceId");

CREATE TRIGGER "TR_Invoices_Sealed_Update" BEFORE UPDATE ON "Invoices" WHEN OLD."Status" = 'Issued'
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_Invoices_Sealed_Delete" BEFORE DELETE ON "Invoices" WHEN OLD."Status" = 'Issued'
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceLines_Sealed_Insert" BEFORE INSERT ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = NEW."InvoiceId" AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceLines_Sealed_Update" BEFORE UPDATE ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" IN (OLD."InvoiceId", NEW."InvoiceId") AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceLines_Sealed_Delete" BEFORE DELETE ON "InvoiceLines" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = OLD."InvoiceId" AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceVats_Sealed_Insert" BEFORE INSERT ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = NEW."InvoiceId" AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceVats_Sealed_Update" BEFORE UPDATE ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" IN (OLD."InvoiceId", NEW."InvoiceId") AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceVats_Sealed_Delete" BEFORE DELETE ON "InvoiceVats" WHEN EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = OLD."InvoiceId" AND "Status" = 'Issued')
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceDocuments_Sealed_Update" BEFORE UPDATE ON "InvoiceDocuments"
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_InvoiceDocuments_Sealed_Delete" BEFORE DELETE ON "InvoiceDocuments"
BEGIN SELECT RAISE(ABORT, 'invoice_sealed'); END;
CREATE TRIGGER "TR_Payments_Sealed_Update" BEFORE UPDATE ON "Payments"
BEGIN SELECT RAISE(ABORT, 'payment_sealed'); END;
CREATE TRIGGER "TR_Payments_Sealed_Delete" BEFORE DELETE ON "Payments"
BEGIN SELECT RAISE(ABORT, 'payment_sealed'); END;
-- Counters and the chain only move forward, and are never deleted.
CREATE TRIGGER "TR_InvoiceCounters_Forward" BEFORE UPDATE ON "InvoiceCounters"
WHEN NEW."LastNumber" < OLD."LastNumber" OR NEW."LastIssueDate" < OLD."LastIssueDate" OR NEW."SellerId" <> OLD."SellerId" OR NEW."Series" <> OLD."Series"
BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END;
CREATE TRIGGER "TR_InvoiceCounters_Delete" BEFORE DELETE ON "InvoiceCounters"
BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END;
CREATE TRIGGER "TR_DocumentChains_Forward" BEFORE UPDATE ON "DocumentChains" WHEN NEW."LastIndex" < OLD."LastIndex" OR NEW."SellerId" <> OLD."SellerId"
BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END;
CREATE TRIGGER "TR_DocumentChains_Delete" BEFORE DELETE ON "DocumentChains"
BEGIN SELECT RAISE(ABORT, 'counter_backwards'); END;
