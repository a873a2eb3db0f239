-- 0029: the member's billing address (issue 13), printed on the invoices of a member who pays for themselves.
-- All optional: null when the member has none (the company pays, or it was never given); erasure clears it.
ALTER TABLE "Members" ADD COLUMN "Street" character varying(300);
ALTER TABLE "Members" ADD COLUMN "PostalCode" character varying(20);
ALTER TABLE "Members" ADD COLUMN "City" character varying(100);
ALTER TABLE "Members" ADD COLUMN "CountryCode" character varying(2);
