-- 0026: invoices and credit notes (Modules/Billing, ADR 18). Numbers come from a counter row per seller
-- and series, taken inside the issuing transaction; the chain row is the issuing lock. Issued documents,
-- their lines, VAT rows and PDFs, and payments are never changed or deleted: triggers below refuse it,
-- TRUNCATE included, whatever the client (the application never tries: they are the guarantee against
-- hand-written SQL).
ALTER TABLE "NetworkProfile" ADD COLUMN "ShareCapital" character varying(50);

CREATE TABLE "BillingTerms" (
    "Id" integer NOT NULL,
    "PaymentDays" integer NOT NULL,
    "LatePenaltyMilliPercent" integer NOT NULL,
    "EarlyPaymentDiscount" character varying(300),
    "PaymentTerms" character varying(500),
    "VatOnDebits" boolean NOT NULL,
    CONSTRAINT "PK_BillingTerms" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_BillingTerms_Values" CHECK ("PaymentDays" BETWEEN 0 AND 60 AND "LatePenaltyMilliPercent" >= 0)
);

CREATE TABLE "DocumentChains" (
    "SellerId" integer NOT NULL,
    "LastIndex" bigint NOT NULL,
    "LastFootprint" character varying(64) NOT NULL,
    CONSTRAINT "PK_DocumentChains" PRIMARY KEY ("SellerId")
);

CREATE TABLE "InvoiceCounters" (
    "SellerId" integer NOT NULL,
    "Series" character varying(10) NOT NULL,
    "LastNumber" bigint NOT NULL,
    "LastIssueDate" date,
    CONSTRAINT "PK_InvoiceCounters" PRIMARY KEY ("SellerId", "Series"),
    CONSTRAINT "CK_InvoiceCounters_LastNumber" CHECK ("LastNumber" >= 0)
);

CREATE TABLE "Invoices" (
    "Id" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Series" character varying(10) NOT NULL,
    "Sequence" bigint,
    "Number" character varying(30),
    "IssueDate" date,
    "DueDate" date,
    "PeriodStart" date,
    "PeriodEnd" date,
    "Currency" character varying(3) NOT NULL,
    "Language" character varying(5) NOT NULL,
    "LocationId" uuid NOT NULL,
    "MemberId" uuid,
    "CompanyId" uuid,
    "BuyerName" character varying(200) NOT NULL,
    "BuyerStreet" character varying(300) NOT NULL,
    "BuyerPostalCode" character varying(20) NOT NULL,
    "BuyerCity" character varying(100) NOT NULL,
    "BuyerCountryCode" character varying(2) NOT NULL,
    "BuyerSiren" character varying(14),
    "BuyerVatNumber" character varying(20),
    "BuyerEmail" character varying(256),
    "Seller_LegalName" character varying(200),
    "Seller_LegalForm" character varying(100),
    "Seller_ShareCapital" character varying(50),
    "Seller_Street" character varying(300),
    "Seller_PostalCode" character varying(20),
    "Seller_City" character varying(100),
    "Seller_CountryCode" character varying(2),
    "Seller_Siren" character varying(9),
    "Seller_Siret" character varying(14),
    "Seller_RcsCity" character varying(100),
    "Seller_VatNumber" character varying(20),
    "Seller_VatFranchise" boolean,
    "Seller_VatOnDebits" boolean,
    "Seller_Email" character varying(256),
    "Seller_LatePenaltyMilliPercent" integer,
    "Seller_EarlyPaymentDiscount" character varying(300),
    "Seller_PaymentTerms" character varying(500),
    "CorrectsInvoiceId" uuid,
    "CorrectsNumber" character varying(30),
    "CorrectsIssueDate" date,
    "Note" character varying(500),
    "NetTotalCents" bigint NOT NULL,
    "VatTotalCents" bigint NOT NULL,
    "GrossTotalCents" bigint NOT NULL,
    "ChainIndex" bigint,
    "PreviousFootprint" character varying(64),
    "Footprint" character varying(64),
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "IssuedByUserId" uuid,
    "IssuedAt" timestamp with time zone,
    "SourceKey" character varying(200),
    "SellerId" integer NOT NULL DEFAULT 1,
    CONSTRAINT "PK_Invoices" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Invoices_Corrects" CHECK (("Kind" = 'CreditNote') = ("CorrectsInvoiceId" IS NOT NULL)),
    CONSTRAINT "CK_Invoices_Issued" CHECK ("Status" = 'Draft' OR ("Sequence" IS NOT NULL AND "Number" IS NOT NULL AND "IssueDate" IS NOT NULL AND "DueDate" IS NOT NULL AND "ChainIndex" IS NOT NULL AND "Footprint" IS NOT NULL)),
    CONSTRAINT "CK_Invoices_Totals" CHECK ("NetTotalCents" >= 0 AND "VatTotalCents" >= 0 AND "GrossTotalCents" = "NetTotalCents" + "VatTotalCents"),
    CONSTRAINT "FK_Invoices_Invoices_CorrectsInvoiceId" FOREIGN KEY ("CorrectsInvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InvoiceDocuments" (
    "InvoiceId" uuid NOT NULL,
    "FileName" character varying(100) NOT NULL,
    "Content" bytea NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_InvoiceDocuments" PRIMARY KEY ("InvoiceId"),
    CONSTRAINT "FK_InvoiceDocuments_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InvoiceLines" (
    "Id" uuid NOT NULL,
    "InvoiceId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Description" character varying(500) NOT NULL,
    "Quantity" numeric(12,3) NOT NULL,
    "UnitPriceCents" bigint NOT NULL,
    "DiscountCents" bigint NOT NULL,
    "NetCents" bigint NOT NULL,
    "VatMilliPercent" integer NOT NULL,
    "PeriodStart" date,
    "PeriodEnd" date,
    "MemberId" uuid,
    "ChargeId" uuid,
    "CreditsLineId" uuid,
    CONSTRAINT "PK_InvoiceLines" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_InvoiceLines_Amounts" CHECK ("Quantity" > 0 AND "UnitPriceCents" >= 0 AND "DiscountCents" >= 0 AND "NetCents" >= 0 AND "VatMilliPercent" >= 0),
    CONSTRAINT "FK_InvoiceLines_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InvoiceVats" (
    "InvoiceId" uuid NOT NULL,
    "VatMilliPercent" integer NOT NULL,
    "TaxableCents" bigint NOT NULL,
    "VatCents" bigint NOT NULL,
    CONSTRAINT "PK_InvoiceVats" PRIMARY KEY ("InvoiceId", "VatMilliPercent"),
    CONSTRAINT "FK_InvoiceVats_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Payments" (
    "Id" uuid NOT NULL,
    "InvoiceId" uuid NOT NULL,
    "AmountCents" bigint NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "Method" character varying(20) NOT NULL,
    "ReceivedOn" date NOT NULL,
    "Reference" character varying(200),
    "RecordedByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Payments" PRIMARY KEY ("Id"),
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

CREATE FUNCTION document_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoice_sealed: issued invoices and credit notes, their PDFs and payments are never changed or deleted'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE FUNCTION document_part_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = OLD."InvoiceId" AND "Status" = 'Issued'))
        OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM "Invoices" WHERE "Id" = NEW."InvoiceId" AND "Status" = 'Issued')) THEN
        RAISE EXCEPTION 'invoice_sealed: the lines of an issued document are never changed' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE FUNCTION counter_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW."LastNumber" < OLD."LastNumber" OR NEW."LastIssueDate" < OLD."LastIssueDate"
        OR NEW."SellerId" <> OLD."SellerId" OR NEW."Series" <> OLD."Series" THEN
        RAISE EXCEPTION 'counter_backwards: invoice numbers and dates only move forward' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE FUNCTION chain_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW."LastIndex" < OLD."LastIndex" OR NEW."SellerId" <> OLD."SellerId" THEN
        RAISE EXCEPTION 'counter_backwards: the footprint chain only moves forward' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "TR_Invoices_Sealed" BEFORE UPDATE OR DELETE ON "Invoices" FOR EACH ROW WHEN (OLD."Status" = 'Issued') EXECUTE FUNCTION document_sealed();
CREATE TRIGGER "TR_InvoiceLines_Sealed" BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceLines" FOR EACH ROW EXECUTE FUNCTION document_part_sealed();
CREATE TRIGGER "TR_InvoiceVats_Sealed" BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceVats" FOR EACH ROW EXECUTE FUNCTION document_part_sealed();
CREATE TRIGGER "TR_InvoiceDocuments_Sealed" BEFORE UPDATE OR DELETE ON "InvoiceDocuments" FOR EACH ROW EXECUTE FUNCTION document_sealed();
CREATE TRIGGER "TR_Payments_Sealed" BEFORE UPDATE OR DELETE ON "Payments" FOR EACH ROW EXECUTE FUNCTION document_sealed();
CREATE TRIGGER "TR_InvoiceCounters_Forward" BEFORE UPDATE OR DELETE ON "InvoiceCounters" FOR EACH ROW EXECUTE FUNCTION counter_forward();
CREATE TRIGGER "TR_DocumentChains_Forward" BEFORE UPDATE OR DELETE ON "DocumentChains" FOR EACH ROW EXECUTE FUNCTION chain_forward();
CREATE TRIGGER "TR_Invoices_NoTruncate" BEFORE TRUNCATE ON "Invoices" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed();
CREATE TRIGGER "TR_InvoiceLines_NoTruncate" BEFORE TRUNCATE ON "InvoiceLines" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed();
CREATE TRIGGER "TR_Payments_NoTruncate" BEFORE TRUNCATE ON "Payments" FOR EACH STATEMENT EXECUTE FUNCTION document_sealed();
