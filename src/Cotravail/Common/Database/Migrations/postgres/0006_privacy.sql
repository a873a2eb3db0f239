-- 0006: members' privacy choices (all off until chosen) and the network's privacy contact.
CREATE TABLE "MemberPrivacy" (
    "MemberId" uuid NOT NULL,
    "ListedInDirectory" boolean NOT NULL,
    "ShowPhoto" boolean NOT NULL,
    "ShowCompany" boolean NOT NULL,
    "ShowCategory" boolean NOT NULL,
    "ShowPhone" boolean NOT NULL,
    "ShowEmail" boolean NOT NULL,
    "ShowSkills" boolean NOT NULL,
    "SharePresence" boolean NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_MemberPrivacy" PRIMARY KEY ("MemberId"),
    CONSTRAINT "FK_MemberPrivacy_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

ALTER TABLE "NetworkProfile" ADD COLUMN "PrivacyContactEmail" character varying(256);
