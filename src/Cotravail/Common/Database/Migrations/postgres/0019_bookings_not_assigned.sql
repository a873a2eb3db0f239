-- 0019: nobody books a desk or an office while it is assigned (Modules/Assignments), even when the
-- booking and the assignment are written at the same instant. Both sides lock the resource's row:
-- AssignResource takes it FOR UPDATE before looking for bookings in the way; a booking of a desk or an
-- office takes it FOR KEY SHARE here, so one waits for the other to commit, and the check that follows
-- (a new statement, hence a new snapshot under READ COMMITTED) sees what the other wrote. Booking checks
-- this first with a clearer message; this is the guarantee.
-- "Assignable" marks the bookings of desks and offices, the only kinds ever assigned: the trigger's
-- WHEN skips every other booking without calling the function.
ALTER TABLE "Bookings" ADD COLUMN "Assignable" boolean NOT NULL DEFAULT FALSE;
UPDATE "Bookings" b SET "Assignable" = TRUE
FROM "Resources" r WHERE r."Id" = b."ResourceId" AND r."Kind" IN ('DedicatedDesk', 'PrivateOffice');
CREATE FUNCTION booking_not_assigned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "Resources" r WHERE r."Id" = NEW."ResourceId" FOR KEY SHARE;
    IF EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId" AND a."StartsAt" < NEW."End" AND (a."EndsAt" IS NULL OR NEW."Start" < a."EndsAt")) THEN
        RAISE EXCEPTION 'booking_assigned' USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "TR_Bookings_NotAssigned" BEFORE INSERT OR UPDATE OF "ResourceId", "Start", "End", "Assignable" ON "Bookings"
FOR EACH ROW WHEN (NEW."Assignable" AND NEW."Status" IN ('Pending', 'Confirmed')) EXECUTE FUNCTION booking_not_assigned();
