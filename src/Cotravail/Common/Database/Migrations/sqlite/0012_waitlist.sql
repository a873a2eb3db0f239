-- 0012: members waiting for taken slots, first come first served.
CREATE TABLE "Waitlist" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Waitlist" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "LocalStart" TEXT NOT NULL,
    "LocalEnd" TEXT NOT NULL,
    "StartUtc" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Status" TEXT NOT NULL,
    "BookingId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Waitlist_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Waitlist_MemberId" ON "Waitlist" ("MemberId");
CREATE INDEX "IX_Waitlist_ResourceId_Status_CreatedAt" ON "Waitlist" ("ResourceId", "Status", "CreatedAt");
