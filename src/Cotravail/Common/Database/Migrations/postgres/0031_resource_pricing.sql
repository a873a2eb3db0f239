-- 0031: how a resource is paid for: at its rates, free of charge, or only by the plans and passes that cover it (ADR 21).
ALTER TABLE "Resources" ADD COLUMN "Pricing" character varying(20) NOT NULL DEFAULT 'Rates';
