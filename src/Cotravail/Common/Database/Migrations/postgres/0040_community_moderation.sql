-- 0040: moderation of the community (ADR 30): members' reports of a post (kind 1 question, 2 answer, 3 project;
-- reason 0 spam, 1 offensive, 2 personal data, 3 other; status 0 open, 1 dismissed, 2 upheld), one open report per
-- reporter and post; posts hidden by staff keep their text (HiddenAt, HiddenReason); a notification may now be about
-- a project (ProjectId) and carry the reason (Detail), so its QuestionId becomes optional.
ALTER TABLE "CommunityQuestions" ADD COLUMN "HiddenAt" timestamp with time zone NULL;
ALTER TABLE "CommunityQuestions" ADD COLUMN "HiddenReason" character varying(500) NULL;
ALTER TABLE "CommunityAnswers" ADD COLUMN "HiddenAt" timestamp with time zone NULL;
ALTER TABLE "CommunityAnswers" ADD COLUMN "HiddenReason" character varying(500) NULL;
ALTER TABLE "CommunityProjects" ADD COLUMN "HiddenAt" timestamp with time zone NULL;
ALTER TABLE "CommunityProjects" ADD COLUMN "HiddenReason" character varying(500) NULL;

ALTER TABLE "CommunityNotifications" ALTER COLUMN "QuestionId" DROP NOT NULL;
ALTER TABLE "CommunityNotifications" ADD COLUMN "ProjectId" uuid NULL;
ALTER TABLE "CommunityNotifications" ADD COLUMN "Detail" character varying(500) NULL;
ALTER TABLE "CommunityNotifications" ADD CONSTRAINT "FK_CommunityNotifications_CommunityProjects_ProjectId"
    FOREIGN KEY ("ProjectId") REFERENCES "CommunityProjects" ("Id") ON DELETE CASCADE;
CREATE INDEX "IX_CommunityNotifications_ProjectId" ON "CommunityNotifications" ("ProjectId");

CREATE TABLE "CommunityReports" (
    "Id" uuid NOT NULL,
    "ReporterId" uuid NOT NULL,
    "PostKind" integer NOT NULL,
    "PostId" uuid NOT NULL,
    "AuthorId" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "Reason" integer NOT NULL,
    "Note" character varying(500) NOT NULL,
    "Status" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ResolvedAt" timestamp with time zone,
    CONSTRAINT "PK_CommunityReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CommunityReports_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CommunityReports_Members_ReporterId" FOREIGN KEY ("ReporterId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommunityReports_AuthorId" ON "CommunityReports" ("AuthorId");

CREATE INDEX "IX_CommunityReports_LocationId" ON "CommunityReports" ("LocationId");

CREATE UNIQUE INDEX "IX_CommunityReports_ReporterId_PostKind_PostId" ON "CommunityReports" ("ReporterId", "PostKind", "PostId") WHERE "Status" = 0;

CREATE INDEX "IX_CommunityReports_Status_LocationId_PostKind_PostId" ON "CommunityReports" ("Status", "LocationId", "PostKind", "PostId");
