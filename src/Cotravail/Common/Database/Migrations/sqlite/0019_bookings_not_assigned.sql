-- 0019: nobody books a desk or an office while it is assigned (Modules/Assignments), even when the
-- booking and the assignment are written at the same instant: the check runs inside the booking's own
-- write (SQLite has one writer at a time, and AssignResource checks the bookings and inserts in one
-- IMMEDIATE transaction). Booking checks this first with a clearer message; this is the guarantee.
-- "Assignable" marks the bookings of desks and offices, the only kinds ever assigned: others skip it.
ALTER TABLE "Bookings" ADD COLUMN "Assignable" INTEGER NOT NULL DEFAULT 0;
UPDATE "Bookings" SET "Assignable" = 1
WHERE "ResourceId" IN (SELECT "Id" FROM "Resources" WHERE "Kind" IN ('DedicatedDesk', 'PrivateOffice'));
CREATE TRIGGER "TR_Bookings_NotAssigned_Insert" BEFORE INSERT ON "Bookings"
WHEN NEW."Assignable" AND NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt"));
END;
CREATE TRIGGER "TR_Bookings_NotAssigned_Update" BEFORE UPDATE OF "ResourceId", "Start", "End", "Assignable" ON "Bookings"
WHEN NEW."Assignable" AND NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_assigned') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt"));
END;
