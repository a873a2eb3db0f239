-- 0013: booking invitations and notifications: one attached file per outbox email (an .ics), the
-- invitation's SEQUENCE and the reminder's claim on bookings, and the attendees of a booking.
ALTER TABLE "Outbox" ADD COLUMN "AttachmentName" character varying(200);
ALTER TABLE "Outbox" ADD COLUMN "AttachmentType" character varying(200);
ALTER TABLE "Outbox" ADD COLUMN "AttachmentContent" text;
ALTER TABLE "Bookings" ADD COLUMN "Sequence" integer NOT NULL DEFAULT 0;
ALTER TABLE "Bookings" ADD COLUMN "ReminderSentAt" timestamp with time zone;

CREATE TABLE "BookingAttendees" (
    "Id" uuid NOT NULL,
    "BookingId" uuid NOT NULL,
    "MemberId" uuid,
    "Email" character varying(256),
    "Name" character varying(200),
    "AddedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BookingAttendees" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_BookingAttendees_Who" CHECK (("MemberId" IS NULL) <> ("Email" IS NULL)),
    CONSTRAINT "FK_BookingAttendees_Bookings_BookingId" FOREIGN KEY ("BookingId") REFERENCES "Bookings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BookingAttendees_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_BookingAttendees_BookingId" ON "BookingAttendees" ("BookingId");
CREATE INDEX "IX_BookingAttendees_Email" ON "BookingAttendees" ("Email");
CREATE INDEX "IX_BookingAttendees_MemberId" ON "BookingAttendees" ("MemberId");
