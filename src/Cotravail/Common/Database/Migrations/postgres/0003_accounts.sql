-- 0003: the email outbox, join requests and invitations (accounts issue).
CREATE TABLE "Outbox" (
    "Id" uuid NOT NULL,
    "To" character varying(256) NOT NULL,
    "Subject" character varying(300) NOT NULL,
    "TextBody" text NOT NULL,
    "HtmlBody" text,
    "Culture" character varying(10) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "ClaimedUntil" timestamp with time zone,
    "SentAt" timestamp with time zone,
    "LastError" character varying(2000),
    CONSTRAINT "PK_Outbox" PRIMARY KEY ("Id")
);

CREATE TABLE "JoinRequests" (
    "Id" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "FirstName" character varying(100) NOT NULL,
    "LastName" character varying(100) NOT NULL,
    "Email" character varying(256) NOT NULL,
    "Phone" character varying(30),
    "Category" character varying(30) NOT NULL,
    "CompanyName" character varying(200),
    "Message" character varying(2000),
    "Status" character varying(20) NOT NULL,
    "DeclineReason" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedByUserId" uuid,
    "MemberId" uuid,
    CONSTRAINT "PK_JoinRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JoinRequests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JoinRequests_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JoinRequests_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Invitations" (
    "Id" uuid NOT NULL,
    "Email" character varying(256) NOT NULL,
    "FirstName" character varying(100) NOT NULL,
    "LastName" character varying(100) NOT NULL,
    "LocationId" uuid NOT NULL,
    "Category" character varying(30) NOT NULL,
    "CompanyId" uuid,
    "BilledToCompany" boolean NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "InvitedByUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "MemberId" uuid,
    CONSTRAINT "PK_Invitations" PRIMARY KEY ("Id"),
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
