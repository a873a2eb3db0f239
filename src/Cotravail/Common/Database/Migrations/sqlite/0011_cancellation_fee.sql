-- 0011: the fee of a cancellation later than the resource's free-cancellation limit, for billing.
ALTER TABLE "Bookings" ADD COLUMN "CancellationFeeCents" INTEGER NOT NULL DEFAULT 0;
