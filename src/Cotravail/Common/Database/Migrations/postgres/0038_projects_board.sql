-- 0038: the projects and partnerships board (ADR 28): projects and calls for partners with the skills they need,
-- the members around them (interested 0, invited 1, accepted 2, declined 3, introduced 4; the owner is accepted)
-- and introductions (who pointed whom to which project, when).

CREATE TABLE "CommunityProjects" (
    "Id" uuid NOT NULL,
    "OwnerMemberId" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Title" character varying(140) NOT NULL,
    "Description" character varying(8000) NOT NULL,
    "Scope" integer NOT NULL,
    "Status" integer NOT NULL,
    "Deadline" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CommunityProjects" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CommunityProjects_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CommunityProjects_Members_OwnerMemberId" FOREIGN KEY ("OwnerMemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Introductions" (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "IntroducerMemberId" uuid NOT NULL,
    "IntroducedMemberId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Introductions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Introductions_CommunityProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "CommunityProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Introductions_Members_IntroducedMemberId" FOREIGN KEY ("IntroducedMemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Introductions_Members_IntroducerMemberId" FOREIGN KEY ("IntroducerMemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProjectMembers" (
    "ProjectId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "State" integer NOT NULL,
    "Note" character varying(500) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ProjectMembers" PRIMARY KEY ("ProjectId", "MemberId"),
    CONSTRAINT "FK_ProjectMembers_CommunityProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "CommunityProjects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProjectMembers_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectSkills" (
    "ProjectId" uuid NOT NULL,
    "Skill" character varying(60) NOT NULL,
    CONSTRAINT "PK_ProjectSkills" PRIMARY KEY ("ProjectId", "Skill"),
    CONSTRAINT "FK_ProjectSkills_CommunityProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "CommunityProjects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommunityProjects_LocationId" ON "CommunityProjects" ("LocationId");

CREATE INDEX "IX_CommunityProjects_OwnerMemberId" ON "CommunityProjects" ("OwnerMemberId");

CREATE INDEX "IX_CommunityProjects_Status_Scope_LocationId" ON "CommunityProjects" ("Status", "Scope", "LocationId");

CREATE INDEX "IX_Introductions_CreatedAt" ON "Introductions" ("CreatedAt");

CREATE INDEX "IX_Introductions_IntroducedMemberId" ON "Introductions" ("IntroducedMemberId");

CREATE INDEX "IX_Introductions_IntroducerMemberId" ON "Introductions" ("IntroducerMemberId");

CREATE INDEX "IX_Introductions_ProjectId" ON "Introductions" ("ProjectId");

CREATE INDEX "IX_ProjectMembers_MemberId" ON "ProjectMembers" ("MemberId");

CREATE INDEX "IX_ProjectSkills_Skill_ProjectId" ON "ProjectSkills" ("Skill", "ProjectId");
