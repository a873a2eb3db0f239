-- 0003: the email outbox, join requests and invitations (accounts issue).
CREATE TABLE "Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "Culture" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "ClaimedUntil" TEXT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "JoinRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JoinRequests" PRIMARY KEY,
    "LocationId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Category" TEXT NOT NULL,
    "CompanyName" TEXT NULL,
    "Message" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DeclineReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedByUserId" TEXT NULL,
    "MemberId" TEXT NULL,
    CONSTRAINT "FK_JoinRequests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JoinRequests_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JoinRequests_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Invitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
    "Email" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "CompanyId" TEXT NULL,
    "BilledToCompany" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "InvitedByUserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "MemberId" TEXT NULL,
    CONSTRAINT "FK_Invitations_AspNetUsers_InvitedByUserId" FOREIGN KEY ("InvitedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Invitations_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Invitations_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Invitations_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Outbox_CreatedAt" ON "Outbox" ("CreatedAt");
CREATE INDEX "IX_Outbox_SentAt_NextAttemptAt" ON "Outbox" ("SentAt", "NextAttemptAt");
CREATE INDEX "IX_JoinRequests_LocationId_Status" ON "JoinRequests" ("LocationId", "Status");
CREATE INDEX "IX_JoinRequests_MemberId" ON "JoinRequests" ("MemberId");
CREATE INDEX "IX_JoinRequests_UserId" ON "JoinRequests" ("UserId");
CREATE INDEX "IX_Invitations_CompanyId" ON "Invitations" ("CompanyId");
CREATE INDEX "IX_Invitations_Email" ON "Invitations" ("Email");
CREATE INDEX "IX_Invitations_InvitedByUserId" ON "Invitations" ("InvitedByUserId");
CREATE INDEX "IX_Invitations_LocationId_CreatedAt" ON "Invitations" ("LocationId", "CreatedAt");
CREATE INDEX "IX_Invitations_MemberId" ON "Invitations" ("MemberId");
CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");
