-- 0008: private calendar addresses (iCalendar feeds) of members and resources; only token hashes are stored.
CREATE TABLE "CalendarFeeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ResourceId" TEXT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CalendarFeeds_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CalendarFeeds_ResourceId" ON "CalendarFeeds" ("ResourceId");
CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");
CREATE INDEX "IX_CalendarFeeds_UserId" ON "CalendarFeeds" ("UserId");
