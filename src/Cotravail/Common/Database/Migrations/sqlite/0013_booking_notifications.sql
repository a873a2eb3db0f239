-- 0013: booking invitations and notifications: one attached file per outbox email (an .ics), the
-- invitation's SEQUENCE and the reminder's claim on bookings, and the attendees of a booking.
ALTER TABLE "Outbox" ADD COLUMN "AttachmentName" TEXT NULL;
ALTER TABLE "Outbox" ADD COLUMN "AttachmentType" TEXT NULL;
ALTER TABLE "Outbox" ADD COLUMN "AttachmentContent" TEXT NULL;
ALTER TABLE "Bookings" ADD COLUMN "Sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Bookings" ADD COLUMN "ReminderSentAt" TEXT NULL;

CREATE TABLE "BookingAttendees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BookingAttendees" PRIMARY KEY,
    "BookingId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Email" TEXT NULL,
    "Name" TEXT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "CK_BookingAttendees_Who" CHECK (("MemberId" IS NULL) <> ("Email" IS NULL)),
    CONSTRAINT "FK_BookingAttendees_Bookings_BookingId" FOREIGN KEY ("BookingId") REFERENCES "Bookings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BookingAttendees_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_BookingAttendees_BookingId" ON "BookingAttendees" ("BookingId");
CREATE INDEX "IX_BookingAttendees_Email" ON "BookingAttendees" ("Email");
CREATE INDEX "IX_BookingAttendees_MemberId" ON "BookingAttendees" ("MemberId");
