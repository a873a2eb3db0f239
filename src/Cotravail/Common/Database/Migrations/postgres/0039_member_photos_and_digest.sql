-- 0039: members' profile photos (one each, shown as widely as their Photo choice), the weekly community digest
-- (opt-in on the profile, off by default) and one row per member and week it was sent, so it goes only once (ADR 26).
CREATE TABLE "MemberPhotos" (
    "MemberId" uuid NOT NULL,
    "Id" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Content" bytea NOT NULL,
    "SizeBytes" integer NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MemberPhotos" PRIMARY KEY ("MemberId"),
    CONSTRAINT "FK_MemberPhotos_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

ALTER TABLE "MemberProfiles" ADD COLUMN "WeeklyDigest" boolean NOT NULL DEFAULT false;

CREATE TABLE "CommunityDigests" (
    "MemberId" uuid NOT NULL,
    "Week" date NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CommunityDigests" PRIMARY KEY ("MemberId", "Week"),
    CONSTRAINT "FK_CommunityDigests_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);
