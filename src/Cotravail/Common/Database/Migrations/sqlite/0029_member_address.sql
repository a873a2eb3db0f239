-- 0029: the member's billing address (issue 13), printed on the invoices of a member who pays for themselves.
-- All optional: null when the member has none (the company pays, or it was never given); erasure clears it.
ALTER TABLE "Members" ADD COLUMN "Street" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "PostalCode" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "City" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "CountryCode" TEXT NULL;
