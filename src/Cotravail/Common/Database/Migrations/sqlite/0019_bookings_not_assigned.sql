-- 0019: nobody books a desk or an office while it is assigned (Modules/Assignments), even when the
-- booking and the assignment are written at the same instant: the check runs inside the booking's own
-- write (SQLite has one writer at a time, and AssignResource checks the bookings and inserts in one
-- IMMEDIATE transaction). Booking checks this first with a clearer message; this is the guarantee.
CREATE TRIGGER "TR_Bookings_NotAssigned_Insert" BEFORE INSERT ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt"));
END;
CREATE TRIGGER "TR_Bookings_NotAssigned_Update" BEFORE UPDATE OF "ResourceId", "Start", "End" ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt"));
END;
