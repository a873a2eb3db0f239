-- 0015: waitlist "offer with expiry" mode per resource (existing resources keep booking directly).
ALTER TABLE "Resources" ADD COLUMN "WaitlistMode" character varying(20) NOT NULL DEFAULT 'BookDirectly';
ALTER TABLE "Resources" ADD COLUMN "OfferMinutes" integer NOT NULL DEFAULT 60;
ALTER TABLE "Waitlist" ADD COLUMN "OfferExpiresAt" timestamp with time zone;
CREATE INDEX "IX_Waitlist_BookingId" ON "Waitlist" ("BookingId");
