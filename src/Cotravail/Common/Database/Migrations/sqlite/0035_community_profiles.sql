-- 0035: privacy choices become audiences (0 nobody, 1 my location, 2 the network; a choice that was on becomes
-- the network, as the directory was network-wide), "bio and skills" splits into presentation and skills;
-- members' community profiles, skills from the shared vocabulary (offered 0, sought 1) and free tags (ADR 26).
CREATE TABLE "MemberPrivacy_0035" (
    "MemberId" TEXT NOT NULL CONSTRAINT "PK_MemberPrivacy" PRIMARY KEY,
    "Listing" INTEGER NOT NULL,
    "Photo" INTEGER NOT NULL,
    "Company" INTEGER NOT NULL,
    "Category" INTEGER NOT NULL,
    "Phone" INTEGER NOT NULL,
    "Email" INTEGER NOT NULL,
    "Presentation" INTEGER NOT NULL,
    "Skills" INTEGER NOT NULL,
    "SharePresence" INTEGER NOT NULL,
    "UpdatedAt" TEXT NULL,
    CONSTRAINT "FK_MemberPrivacy_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

INSERT INTO "MemberPrivacy_0035" ("MemberId", "Listing", "Photo", "Company", "Category", "Phone", "Email", "Presentation", "Skills",
    "SharePresence", "UpdatedAt")
SELECT "MemberId", "ListedInDirectory" * 2, "ShowPhoto" * 2, "ShowCompany" * 2, "ShowCategory" * 2, "ShowPhone" * 2, "ShowEmail" * 2,
    "ShowSkills" * 2, "ShowSkills" * 2, "SharePresence", "UpdatedAt"
FROM "MemberPrivacy";

DROP TABLE "MemberPrivacy";

ALTER TABLE "MemberPrivacy_0035" RENAME TO "MemberPrivacy";

CREATE TABLE "MemberProfiles" (
    "MemberId" TEXT NOT NULL CONSTRAINT "PK_MemberProfiles" PRIMARY KEY,
    "Headline" TEXT NOT NULL,
    "Bio" TEXT NOT NULL,
    "Offers" TEXT NOT NULL,
    "Seeks" TEXT NOT NULL,
    "OpenToMissions" INTEGER NOT NULL,
    "OpenToPartnerships" INTEGER NOT NULL,
    "Languages" TEXT NOT NULL,
    "Links" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_MemberProfiles_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MemberSkills" (
    "MemberId" TEXT NOT NULL,
    "Skill" TEXT NOT NULL,
    "Use" INTEGER NOT NULL,
    CONSTRAINT "PK_MemberSkills" PRIMARY KEY ("MemberId", "Use", "Skill"),
    CONSTRAINT "FK_MemberSkills_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MemberSkills_Skill_Use_MemberId" ON "MemberSkills" ("Skill", "Use", "MemberId");

CREATE TABLE "MemberTags" (
    "MemberId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "PK_MemberTags" PRIMARY KEY ("MemberId", "Key"),
    CONSTRAINT "FK_MemberTags_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MemberTags_Key_MemberId" ON "MemberTags" ("Key", "MemberId");
