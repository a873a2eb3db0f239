-- 0018: a weekly limit on the number of bookings per member of a resource (null = no limit, as before).
ALTER TABLE "Resources" ADD COLUMN "MaxBookingsPerWeek" integer;
