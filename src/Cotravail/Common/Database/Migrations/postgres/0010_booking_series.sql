-- 0010: bookings remember the recurring series they belong to.
ALTER TABLE "Bookings" ADD COLUMN "SeriesId" uuid;
CREATE INDEX "IX_Bookings_SeriesId" ON "Bookings" ("SeriesId");
