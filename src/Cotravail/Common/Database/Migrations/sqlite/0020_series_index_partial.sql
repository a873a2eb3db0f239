-- 0020: the index of a booking's series holds only bookings of a series; every other booking's insert
-- (most of them) no longer pays for an entry in it.
DROP INDEX "IX_Bookings_SeriesId";
CREATE INDEX "IX_Bookings_SeriesId" ON "Bookings" ("SeriesId") WHERE "SeriesId" IS NOT NULL;
