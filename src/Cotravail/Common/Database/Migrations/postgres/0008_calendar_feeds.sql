-- 0008: private calendar addresses (iCalendar feeds) of members and resources; only token hashes are stored.
CREATE TABLE "CalendarFeeds" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "ResourceId" uuid,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CalendarFeeds_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CalendarFeeds_ResourceId" ON "CalendarFeeds" ("ResourceId");
CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");
CREATE INDEX "IX_CalendarFeeds_UserId" ON "CalendarFeeds" ("UserId");
