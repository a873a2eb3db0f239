-- 0015: waitlist "offer with expiry" mode per resource (existing resources keep booking directly).
ALTER TABLE "Resources" ADD COLUMN "WaitlistMode" TEXT NOT NULL DEFAULT 'BookDirectly';
ALTER TABLE "Resources" ADD COLUMN "OfferMinutes" INTEGER NOT NULL DEFAULT 60;
ALTER TABLE "Waitlist" ADD COLUMN "OfferExpiresAt" TEXT NULL;
CREATE INDEX "IX_Waitlist_BookingId" ON "Waitlist" ("BookingId");
