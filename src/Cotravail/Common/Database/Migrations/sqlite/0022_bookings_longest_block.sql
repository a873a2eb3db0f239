-- 0022: a booking blocks its resource for at most two days (one opening period of a day, an hour more on
-- the day clocks go back, and at most four hours of set-up and four of clean-up), and the guard below
-- makes that the database's own rule. So the overlap check reads only the resource's bookings starting
-- at most two days before the new one, instead of every booking in the resource's history (their
-- number grew with the years, and so did the cost of each insert).
CREATE TRIGGER "TR_Bookings_LongestBlock_Insert" BEFORE INSERT ON "Bookings"
WHEN julianday(NEW."BlockEnd") - julianday(NEW."BlockStart") > 2
BEGIN
    SELECT RAISE(ABORT, 'booking_too_long');
END;
CREATE TRIGGER "TR_Bookings_LongestBlock_Update" BEFORE UPDATE OF "BlockStart", "BlockEnd" ON "Bookings"
WHEN julianday(NEW."BlockEnd") - julianday(NEW."BlockStart") > 2
BEGIN
    SELECT RAISE(ABORT, 'booking_too_long');
END;
DROP TRIGGER "TR_Bookings_NoOverlap_Insert";
DROP TRIGGER "TR_Bookings_NoOverlap_Update";
CREATE TRIGGER "TR_Bookings_NoOverlap_Insert" BEFORE INSERT ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS (
        SELECT 1 FROM "Bookings" b
        WHERE  b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed')
          AND b."BlockStart" >= datetime(NEW."BlockStart", '-2 days')
          AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd");
END;
CREATE TRIGGER "TR_Bookings_NoOverlap_Update" BEFORE UPDATE OF "ResourceId", "Seat", "BlockStart", "BlockEnd", "Status" ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS (
        SELECT 1 FROM "Bookings" b
        WHERE b."Id" <> NEW."Id" AND b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed')
          AND b."BlockStart" >= datetime(NEW."BlockStart", '-2 days')
          AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd");
END;
