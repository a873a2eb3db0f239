-- 0039: members' profile photos (one each, shown as widely as their Photo choice), the weekly community digest
-- (opt-in on the profile, off by default) and one row per member and week it was sent, so it goes only once (ADR 26).
CREATE TABLE "MemberPhotos" (
    "MemberId" TEXT NOT NULL CONSTRAINT "PK_MemberPhotos" PRIMARY KEY,
    "Id" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_MemberPhotos_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

ALTER TABLE "MemberProfiles" ADD COLUMN "WeeklyDigest" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "CommunityDigests" (
    "MemberId" TEXT NOT NULL,
    "Week" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "PK_CommunityDigests" PRIMARY KEY ("MemberId", "Week"),
    CONSTRAINT "FK_CommunityDigests_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);
