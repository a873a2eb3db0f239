-- 0014: when a booking's slot or resource was last changed (a changed request's hold counts from then).
-- The exclusion constraint of 0007 guards UPDATEs as well as INSERTs.
ALTER TABLE "Bookings" ADD COLUMN "ChangedAt" timestamp with time zone;
