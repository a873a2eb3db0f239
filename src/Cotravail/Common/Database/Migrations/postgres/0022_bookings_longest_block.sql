-- 0022: a booking blocks its resource for at most two days (one opening period of a day, an hour more on
-- the day clocks go back, and at most four hours of set-up and four of clean-up). SQLite's overlap check
-- relies on it to read only the resource's bookings of the last two days; here the exclusion constraint
-- needs no such bound, and the check makes the rule the database's own on both engines (the network-wide
-- search relies on it too: SearchAvailability.LongestBlock).
ALTER TABLE "Bookings" ADD CONSTRAINT "CK_Bookings_LongestBlock" CHECK ("BlockEnd" - "BlockStart" <= interval '2 days');
