-- 0035: privacy choices become audiences (0 nobody, 1 my location, 2 the network; a choice that was on becomes
-- the network, as the directory was network-wide), "bio and skills" splits into presentation and skills;
-- members' community profiles, skills from the shared vocabulary (offered 0, sought 1) and free tags (ADR 26).
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ListedInDirectory" TO "Listing";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowPhoto" TO "Photo";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowCompany" TO "Company";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowCategory" TO "Category";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowPhone" TO "Phone";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowEmail" TO "Email";
ALTER TABLE "MemberPrivacy" RENAME COLUMN "ShowSkills" TO "Skills";

ALTER TABLE "MemberPrivacy"
    ALTER COLUMN "Listing" TYPE integer USING CASE WHEN "Listing" THEN 2 ELSE 0 END,
    ALTER COLUMN "Photo" TYPE integer USING CASE WHEN "Photo" THEN 2 ELSE 0 END,
    ALTER COLUMN "Company" TYPE integer USING CASE WHEN "Company" THEN 2 ELSE 0 END,
    ALTER COLUMN "Category" TYPE integer USING CASE WHEN "Category" THEN 2 ELSE 0 END,
    ALTER COLUMN "Phone" TYPE integer USING CASE WHEN "Phone" THEN 2 ELSE 0 END,
    ALTER COLUMN "Email" TYPE integer USING CASE WHEN "Email" THEN 2 ELSE 0 END,
    ALTER COLUMN "Skills" TYPE integer USING CASE WHEN "Skills" THEN 2 ELSE 0 END;

ALTER TABLE "MemberPrivacy" ADD COLUMN "Presentation" integer NOT NULL DEFAULT 0;
UPDATE "MemberPrivacy" SET "Presentation" = "Skills";
ALTER TABLE "MemberPrivacy" ALTER COLUMN "Presentation" DROP DEFAULT;

CREATE TABLE "MemberProfiles" (
    "MemberId" uuid NOT NULL,
    "Headline" character varying(120) NOT NULL,
    "Bio" character varying(4000) NOT NULL,
    "Offers" character varying(1000) NOT NULL,
    "Seeks" character varying(1000) NOT NULL,
    "OpenToMissions" boolean NOT NULL,
    "OpenToPartnerships" boolean NOT NULL,
    "Languages" character varying(100) NOT NULL,
    "Links" character varying(1505) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MemberProfiles" PRIMARY KEY ("MemberId"),
    CONSTRAINT "FK_MemberProfiles_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MemberSkills" (
    "MemberId" uuid NOT NULL,
    "Skill" character varying(60) NOT NULL,
    "Use" integer NOT NULL,
    CONSTRAINT "PK_MemberSkills" PRIMARY KEY ("MemberId", "Use", "Skill"),
    CONSTRAINT "FK_MemberSkills_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MemberSkills_Skill_Use_MemberId" ON "MemberSkills" ("Skill", "Use", "MemberId");

CREATE TABLE "MemberTags" (
    "MemberId" uuid NOT NULL,
    "Key" character varying(40) NOT NULL,
    "Text" character varying(40) NOT NULL,
    CONSTRAINT "PK_MemberTags" PRIMARY KEY ("MemberId", "Key"),
    CONSTRAINT "FK_MemberTags_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_MemberTags_Key_MemberId" ON "MemberTags" ("Key", "MemberId");
