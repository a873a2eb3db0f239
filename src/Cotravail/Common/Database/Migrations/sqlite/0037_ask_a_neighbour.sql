-- 0037: ask a neighbour (ADR 27): members' questions with the skills they call for (scope 1 my location, 2 the
-- network; status 0 open, 1 solved, 2 closed), answers (CreatedAt: time to first answer), thanks, muted topics
-- (a skill's slug or "trade:Tech") and in-app notifications (Emailed: counted by the daily email limit).
CREATE TABLE "CommunityQuestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommunityQuestions" PRIMARY KEY,
    "AuthorId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "Scope" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "SolvedAnswerId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "FK_CommunityQuestions_Members_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommunityQuestionSkills" (
    "QuestionId" TEXT NOT NULL,
    "Skill" TEXT NOT NULL,
    CONSTRAINT "PK_CommunityQuestionSkills" PRIMARY KEY ("QuestionId", "Skill"),
    CONSTRAINT "FK_CommunityQuestionSkills_CommunityQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "CommunityQuestions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommunityAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommunityAnswers" PRIMARY KEY,
    "QuestionId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CommunityAnswers_CommunityQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "CommunityQuestions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommunityAnswers_Members_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommunityThanks" (
    "AnswerId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_CommunityThanks" PRIMARY KEY ("AnswerId", "MemberId"),
    CONSTRAINT "FK_CommunityThanks_CommunityAnswers_AnswerId" FOREIGN KEY ("AnswerId") REFERENCES "CommunityAnswers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommunityThanks_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommunityMutes" (
    "MemberId" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    CONSTRAINT "PK_CommunityMutes" PRIMARY KEY ("MemberId", "Topic"),
    CONSTRAINT "FK_CommunityMutes_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommunityNotifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommunityNotifications" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "QuestionId" TEXT NOT NULL,
    "Emailed" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_CommunityNotifications_CommunityQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "CommunityQuestions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CommunityNotifications_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommunityAnswers_AuthorId" ON "CommunityAnswers" ("AuthorId");

CREATE INDEX "IX_CommunityAnswers_QuestionId_CreatedAt" ON "CommunityAnswers" ("QuestionId", "CreatedAt");

CREATE INDEX "IX_CommunityNotifications_MemberId_CreatedAt" ON "CommunityNotifications" ("MemberId", "CreatedAt");

CREATE INDEX "IX_CommunityNotifications_QuestionId" ON "CommunityNotifications" ("QuestionId");

CREATE INDEX "IX_CommunityQuestionSkills_Skill_QuestionId" ON "CommunityQuestionSkills" ("Skill", "QuestionId");

CREATE INDEX "IX_CommunityQuestions_AuthorId" ON "CommunityQuestions" ("AuthorId");

CREATE INDEX "IX_CommunityQuestions_LocationId_Status" ON "CommunityQuestions" ("LocationId", "Status");

CREATE INDEX "IX_CommunityQuestions_Status_CreatedAt" ON "CommunityQuestions" ("Status", "CreatedAt");

CREATE INDEX "IX_CommunityThanks_MemberId" ON "CommunityThanks" ("MemberId");
