-- 0007: bookings, and each resource's booking policy (defaults = BookingPolicy.Default).
-- SQLite cannot add NOT NULL columns without a default, and the schema must equal the model's (no
-- defaults), so Resources is rebuilt; nothing references it yet.
CREATE TABLE "Resources_0007" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Resources" PRIMARY KEY,
    "LocationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Amenities" INTEGER NOT NULL,
    "Accessibility" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CheckInMinutes" INTEGER NOT NULL,
    "CleanupMinutes" INTEGER NOT NULL,
    "FreeCancellationHours" INTEGER NOT NULL,
    "IncrementMinutes" INTEGER NOT NULL,
    "LateCancellationPercent" INTEGER NOT NULL,
    "MaxHoursPerWeek" INTEGER NULL,
    "MaxMinutes" INTEGER NOT NULL,
    "MembersOnly" INTEGER NOT NULL,
    "MinMinutes" INTEGER NOT NULL,
    "RequiresApproval" INTEGER NOT NULL,
    "SetupMinutes" INTEGER NOT NULL,
    "WindowDays" INTEGER NOT NULL,
    "MemberDayCents" INTEGER NULL,
    "MemberHalfDayCents" INTEGER NULL,
    "MemberHourlyCents" INTEGER NULL,
    "NonMemberDayCents" INTEGER NULL,
    "NonMemberHalfDayCents" INTEGER NULL,
    "NonMemberHourlyCents" INTEGER NULL,
    CONSTRAINT "CK_Resources_Capacity" CHECK ("Capacity" >= 1),
    CONSTRAINT "FK_Resources_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT
);;
INSERT INTO "Resources_0007" ("Id", "LocationId", "Name", "Kind", "Capacity", "Amenities", "Accessibility", "Description", "IsActive", "CreatedAt", "MemberDayCents", "MemberHalfDayCents", "MemberHourlyCents", "NonMemberDayCents", "NonMemberHalfDayCents", "NonMemberHourlyCents", "CheckInMinutes", "CleanupMinutes", "FreeCancellationHours", "IncrementMinutes", "LateCancellationPercent", "MaxHoursPerWeek", "MaxMinutes", "MembersOnly", "MinMinutes", "RequiresApproval", "SetupMinutes", "WindowDays")
SELECT "Id", "LocationId", "Name", "Kind", "Capacity", "Amenities", "Accessibility", "Description", "IsActive", "CreatedAt", "MemberDayCents", "MemberHalfDayCents", "MemberHourlyCents", "NonMemberDayCents", "NonMemberHalfDayCents", "NonMemberHourlyCents", 15, 0, 24, 30, 50, NULL, 660, 1, 30, 0, 0, 90 FROM "Resources";
DROP TABLE "Resources";
ALTER TABLE "Resources_0007" RENAME TO "Resources";
CREATE UNIQUE INDEX "IX_Resources_LocationId_Name" ON "Resources" ("LocationId", "Name");

CREATE TABLE "Bookings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Bookings" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "Seat" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "BlockStart" TEXT NOT NULL,
    "BlockEnd" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "BookedByUserId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "PriceCents" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "VatBasisPoints" INTEGER NOT NULL,
    "CheckedInAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CancelledAt" TEXT NULL,
    CONSTRAINT "CK_Bookings_Slot" CHECK ("Start" < "End" AND "BlockStart" <= "Start" AND "End" <= "BlockEnd" AND "Seat" >= 1),
    CONSTRAINT "FK_Bookings_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT
);;
CREATE INDEX "IX_Bookings_LocationId_Start" ON "Bookings" ("LocationId", "Start");
CREATE INDEX "IX_Bookings_MemberId_Start" ON "Bookings" ("MemberId", "Start");
CREATE INDEX "IX_Bookings_ResourceId_BlockStart" ON "Bookings" ("ResourceId", "BlockStart");

-- No two bookings holding their slot may overlap on the same seat of a resource (half-open intervals,
-- buffers included). The booking transaction checks first; these triggers are the backstop.
CREATE TRIGGER "TR_Bookings_NoOverlap_Insert" BEFORE INSERT ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS (
        SELECT 1 FROM "Bookings" b
        WHERE  b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed')
          AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd");
END;
CREATE TRIGGER "TR_Bookings_NoOverlap_Update" BEFORE UPDATE OF "ResourceId", "Seat", "BlockStart", "BlockEnd", "Status" ON "Bookings"
WHEN NEW."Status" IN ('Pending', 'Confirmed')
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS (
        SELECT 1 FROM "Bookings" b
        WHERE b."Id" <> NEW."Id" AND b."ResourceId" = NEW."ResourceId" AND b."Seat" = NEW."Seat" AND b."Status" IN ('Pending', 'Confirmed')
          AND b."BlockStart" < NEW."BlockEnd" AND NEW."BlockStart" < b."BlockEnd");
END;
