-- 0006: members' privacy choices (all off until chosen) and the network's privacy contact.
CREATE TABLE "MemberPrivacy" (
    "MemberId" TEXT NOT NULL CONSTRAINT "PK_MemberPrivacy" PRIMARY KEY,
    "ListedInDirectory" INTEGER NOT NULL,
    "ShowPhoto" INTEGER NOT NULL,
    "ShowCompany" INTEGER NOT NULL,
    "ShowCategory" INTEGER NOT NULL,
    "ShowPhone" INTEGER NOT NULL,
    "ShowEmail" INTEGER NOT NULL,
    "ShowSkills" INTEGER NOT NULL,
    "SharePresence" INTEGER NOT NULL,
    "UpdatedAt" TEXT NULL,
    CONSTRAINT "FK_MemberPrivacy_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

ALTER TABLE "NetworkProfile" ADD COLUMN "PrivacyContactEmail" TEXT NULL;
