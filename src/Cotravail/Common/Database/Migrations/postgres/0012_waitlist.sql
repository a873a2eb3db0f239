-- 0012: members waiting for taken slots, first come first served.
CREATE TABLE "Waitlist" (
    "Id" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "LocalStart" character varying(40) NOT NULL,
    "LocalEnd" character varying(40) NOT NULL,
    "StartUtc" timestamp with time zone NOT NULL,
    "Title" character varying(200),
    "Status" character varying(20) NOT NULL,
    "BookingId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Waitlist" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Waitlist_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Waitlist_MemberId" ON "Waitlist" ("MemberId");
CREATE INDEX "IX_Waitlist_ResourceId_Status_CreatedAt" ON "Waitlist" ("ResourceId", "Status", "CreatedAt");
