-- 0040: moderation of the community (ADR 30): members' reports of a post (kind 1 question, 2 answer, 3 project;
-- reason 0 spam, 1 offensive, 2 personal data, 3 other; status 0 open, 1 dismissed, 2 upheld), one open report per
-- reporter and post; posts hidden by staff keep their text (HiddenAt, HiddenReason); a notification may now be about
-- a project (ProjectId) and carry the reason (Detail), so its QuestionId becomes optional: SQLite rebuilds the table.
ALTER TABLE "CommunityQuestions" ADD COLUMN "HiddenAt" TEXT NULL;
ALTER TABLE "CommunityQuestions" ADD COLUMN "HiddenReason" TEXT NULL;
ALTER TABLE "CommunityAnswers" ADD COLUMN "HiddenAt" TEXT NULL;
ALTER TABLE "CommunityAnswers" ADD COLUMN "HiddenReason" TEXT NULL;
ALTER TABLE "CommunityProjects" ADD COLUMN "HiddenAt" TEXT NULL;
ALTER TABLE "CommunityProjects" ADD COLUMN "HiddenReason" TEXT NULL;

CREATE TABLE "CommunityNotifications_0040" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommunityNotifications" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "QuestionId" TEXT NULL,
    "ProjectId" TEXT NULL,
    "Detail" TEXT NULL,
    "Emailed" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_CommunityNotifications_CommunityProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "CommunityProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommunityNotifications_CommunityQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "CommunityQuestions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommunityNotifications_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

INSERT INTO "CommunityNotifications_0040" ("Id", "MemberId", "Kind", "QuestionId", "Emailed", "CreatedAt", "ReadAt")
SELECT "Id", "MemberId", "Kind", "QuestionId", "Emailed", "CreatedAt", "ReadAt" FROM "CommunityNotifications";

DROP TABLE "CommunityNotifications";

ALTER TABLE "CommunityNotifications_0040" RENAME TO "CommunityNotifications";

CREATE INDEX "IX_CommunityNotifications_MemberId_CreatedAt" ON "CommunityNotifications" ("MemberId", "CreatedAt");

CREATE INDEX "IX_CommunityNotifications_ProjectId" ON "CommunityNotifications" ("ProjectId");

CREATE INDEX "IX_CommunityNotifications_QuestionId" ON "CommunityNotifications" ("QuestionId");

CREATE TABLE "CommunityReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommunityReports" PRIMARY KEY,
    "ReporterId" TEXT NOT NULL,
    "PostKind" INTEGER NOT NULL,
    "PostId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "Reason" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    CONSTRAINT "FK_CommunityReports_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CommunityReports_Members_ReporterId" FOREIGN KEY ("ReporterId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommunityReports_AuthorId" ON "CommunityReports" ("AuthorId");

CREATE INDEX "IX_CommunityReports_LocationId" ON "CommunityReports" ("LocationId");

CREATE UNIQUE INDEX "IX_CommunityReports_ReporterId_PostKind_PostId" ON "CommunityReports" ("ReporterId", "PostKind", "PostId") WHERE "Status" = 0;

CREATE INDEX "IX_CommunityReports_Status_LocationId_PostKind_PostId" ON "CommunityReports" ("Status", "LocationId", "PostKind", "PostId");
