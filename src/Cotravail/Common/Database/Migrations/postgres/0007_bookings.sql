-- 0007: bookings, and each resource's booking policy (defaults = BookingPolicy.Default).
ALTER TABLE "Resources"
    ADD COLUMN "CheckInMinutes" integer NOT NULL DEFAULT 15,
    ADD COLUMN "CleanupMinutes" integer NOT NULL DEFAULT 0,
    ADD COLUMN "FreeCancellationHours" integer NOT NULL DEFAULT 24,
    ADD COLUMN "IncrementMinutes" integer NOT NULL DEFAULT 30,
    ADD COLUMN "LateCancellationPercent" integer NOT NULL DEFAULT 50,
    ADD COLUMN "MaxHoursPerWeek" integer,
    ADD COLUMN "MaxMinutes" integer NOT NULL DEFAULT 660,
    ADD COLUMN "MembersOnly" boolean NOT NULL DEFAULT true,
    ADD COLUMN "MinMinutes" integer NOT NULL DEFAULT 30,
    ADD COLUMN "RequiresApproval" boolean NOT NULL DEFAULT false,
    ADD COLUMN "SetupMinutes" integer NOT NULL DEFAULT 0,
    ADD COLUMN "WindowDays" integer NOT NULL DEFAULT 90;
ALTER TABLE "Resources"
    ALTER COLUMN "CheckInMinutes" DROP DEFAULT,
    ALTER COLUMN "CleanupMinutes" DROP DEFAULT,
    ALTER COLUMN "FreeCancellationHours" DROP DEFAULT,
    ALTER COLUMN "IncrementMinutes" DROP DEFAULT,
    ALTER COLUMN "LateCancellationPercent" DROP DEFAULT,
    ALTER COLUMN "MaxMinutes" DROP DEFAULT,
    ALTER COLUMN "MembersOnly" DROP DEFAULT,
    ALTER COLUMN "MinMinutes" DROP DEFAULT,
    ALTER COLUMN "RequiresApproval" DROP DEFAULT,
    ALTER COLUMN "SetupMinutes" DROP DEFAULT,
    ALTER COLUMN "WindowDays" DROP DEFAULT;

CREATE TABLE "Bookings" (
    "Id" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "Seat" integer NOT NULL,
    "Start" timestamp with time zone NOT NULL,
    "End" timestamp with time zone NOT NULL,
    "BlockStart" timestamp with time zone NOT NULL,
    "BlockEnd" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "BookedByUserId" uuid NOT NULL,
    "MemberId" uuid,
    "Title" character varying(200) NOT NULL,
    "PriceCents" bigint NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "VatBasisPoints" integer NOT NULL,
    "CheckedInAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CancelledAt" timestamp with time zone,
    CONSTRAINT "PK_Bookings" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Bookings_Slot" CHECK ("Start" < "End" AND "BlockStart" <= "Start" AND "End" <= "BlockEnd" AND "Seat" >= 1),
    CONSTRAINT "FK_Bookings_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT
);;
CREATE INDEX "IX_Bookings_LocationId_Start" ON "Bookings" ("LocationId", "Start");
CREATE INDEX "IX_Bookings_MemberId_Start" ON "Bookings" ("MemberId", "Start");
CREATE INDEX "IX_Bookings_ResourceId_BlockStart" ON "Bookings" ("ResourceId", "BlockStart");

-- No two bookings holding their slot may overlap on the same seat of a resource (half-open intervals,
-- buffers included), whatever the isolation level or the number of app instances.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "Bookings" ADD CONSTRAINT "EX_Bookings_NoOverlap" EXCLUDE USING gist (
    "ResourceId" WITH =, "Seat" WITH =, tstzrange("BlockStart", "BlockEnd", '[)') WITH &&)
    WHERE ("Status" IN ('Pending', 'Confirmed'));
