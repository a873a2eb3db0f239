-- 0033: operator texts in French and English (ADR 23). The existing column keeps the French text; its English
-- twin, named with an "En" suffix, is null until an operator writes it, and readers then get the French one.
ALTER TABLE "Locations" ADD COLUMN "DescriptionEn" TEXT NULL;
ALTER TABLE "Resources" ADD COLUMN "DescriptionEn" TEXT NULL;
ALTER TABLE "NetworkProfile" ADD COLUMN "TaglineEn" TEXT NULL;
