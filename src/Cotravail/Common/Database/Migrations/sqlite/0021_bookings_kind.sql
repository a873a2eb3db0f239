-- 0021: a booking keeps its resource's kind, so a network-wide search ("a room for 6 tomorrow 14-16")
-- reads only the slot-holding bookings of that kind from an index led by it, instead of every booking
-- of the network touching the slot (decision 0012). The database keeps Kind and Assignable in step
-- when a resource changes kind (the app refuses that while the resource is assigned).
ALTER TABLE "Bookings" ADD COLUMN "Kind" TEXT NOT NULL DEFAULT '';
DROP INDEX "IX_Bookings_Active_BlockStart";
UPDATE "Bookings" SET "Kind" = (SELECT r."Kind" FROM "Resources" r WHERE r."Id" = "Bookings"."ResourceId");
CREATE INDEX "IX_Bookings_Active_Kind_BlockStart" ON "Bookings" ("Kind", "BlockStart", "BlockEnd", "ResourceId", "Seat") WHERE "Status" IN ('Pending', 'Confirmed');
CREATE TRIGGER "TR_Resources_KindChanged" AFTER UPDATE OF "Kind" ON "Resources"
FOR EACH ROW WHEN OLD."Kind" <> NEW."Kind"
BEGIN
    UPDATE "Bookings" SET "Kind" = NEW."Kind", "Assignable" = NEW."Kind" IN ('DedicatedDesk', 'PrivateOffice')
    WHERE "ResourceId" = NEW."Id";
END;
