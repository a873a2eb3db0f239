-- 0014: when a booking's slot or resource was last changed (a changed request's hold counts from then).
-- The overlap triggers of 0007 already guard UPDATEs of ResourceId, Seat, BlockStart, BlockEnd and Status.
ALTER TABLE "Bookings" ADD COLUMN "ChangedAt" TEXT NULL;
