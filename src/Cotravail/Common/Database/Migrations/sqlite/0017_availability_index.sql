-- Network-wide availability: the slot-holding bookings touching a time range, read from the index alone.
CREATE INDEX "IX_Bookings_Active_BlockStart" ON "Bookings" ("BlockStart", "BlockEnd", "ResourceId", "Seat") WHERE "Status" IN ('Pending', 'Confirmed');
