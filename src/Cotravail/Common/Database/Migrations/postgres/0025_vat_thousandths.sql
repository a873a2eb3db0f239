-- 0025: VAT rates in thousandths of a percent (20 % = 20000, Québec's 14.975 % = 14975) instead of basis
-- points, which kept two decimals (14.975 % was stored as 1498). An integer stays exact and comparable on
-- both engines (SQLite has no decimal type). Existing rates keep their value: basis points × 10.
ALTER TABLE "LocationVatRates" RENAME COLUMN "BasisPoints" TO "MilliPercent";
UPDATE "LocationVatRates" SET "MilliPercent" = "MilliPercent" * 10;
ALTER TABLE "Bookings" RENAME COLUMN "VatBasisPoints" TO "VatMilliPercent";
UPDATE "Bookings" SET "VatMilliPercent" = "VatMilliPercent" * 10 WHERE "VatMilliPercent" <> 0;
ALTER TABLE "ResourceAssignments" RENAME COLUMN "VatBasisPoints" TO "VatMilliPercent";
UPDATE "ResourceAssignments" SET "VatMilliPercent" = "VatMilliPercent" * 10 WHERE "VatMilliPercent" <> 0;
