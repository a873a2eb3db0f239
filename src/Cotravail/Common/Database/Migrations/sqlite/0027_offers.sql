-- 0027: the offer catalogue (passes, bundles, plans, the membership fee, products) of the network and of each
-- location, with its four lists as child tables (ADR 19), and the reduced-rate grants that unlock reduced prices.
CREATE TABLE "Offers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Offers" PRIMARY KEY,
    "LocationId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "NameFr" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "DescriptionFr" TEXT NULL,
    "DescriptionEn" TEXT NULL,
    "PriceCents" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "VatMilliPercent" INTEGER NOT NULL,
    "PassCount" INTEGER NULL,
    "ValidityDays" INTEGER NULL,
    "DaysPerWeek" INTEGER NULL,
    "Space" TEXT NULL,
    "AccessFrom" TEXT NULL,
    "AccessTo" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_Offers_Access" CHECK (("AccessFrom" IS NULL) = ("AccessTo" IS NULL) AND ("AccessFrom" IS NULL OR "AccessFrom" < "AccessTo")),
    CONSTRAINT "CK_Offers_Bundle" CHECK (("Kind" = 'Bundle') = ("PassCount" IS NOT NULL) AND ("PassCount" IS NULL OR "PassCount" > 0)),
    CONSTRAINT "CK_Offers_Plan" CHECK ("DaysPerWeek" IS NULL OR "DaysPerWeek" BETWEEN 1 AND 5),
    CONSTRAINT "CK_Offers_Price" CHECK ("PriceCents" >= 0 AND "VatMilliPercent" BETWEEN 0 AND 100000),
    CONSTRAINT "FK_Offers_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReducedRateGrants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReducedRateGrants" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "ProofNote" TEXT NOT NULL,
    "GrantedByUserId" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedByUserId" TEXT NULL,
    CONSTRAINT "FK_ReducedRateGrants_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OfferCredits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OfferCredits" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "OfferId" TEXT NOT NULL,
    CONSTRAINT "CK_OfferCredits_Amount" CHECK ("Amount" > 0),
    CONSTRAINT "FK_OfferCredits_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OfferLocations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OfferLocations" PRIMARY KEY AUTOINCREMENT,
    "LocationId" TEXT NOT NULL,
    "OfferId" TEXT NOT NULL,
    CONSTRAINT "FK_OfferLocations_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OfferLocations_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OfferReducedPrices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OfferReducedPrices" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NOT NULL,
    "PriceCents" INTEGER NOT NULL,
    "OfferId" TEXT NOT NULL,
    CONSTRAINT "CK_OfferReducedPrices_Price" CHECK ("PriceCents" >= 0),
    CONSTRAINT "FK_OfferReducedPrices_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OfferResourceKinds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OfferResourceKinds" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "OfferId" TEXT NOT NULL,
    CONSTRAINT "FK_OfferResourceKinds_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OfferCredits_OfferId" ON "OfferCredits" ("OfferId");

CREATE INDEX "IX_OfferLocations_LocationId" ON "OfferLocations" ("LocationId");

CREATE INDEX "IX_OfferLocations_OfferId" ON "OfferLocations" ("OfferId");

CREATE INDEX "IX_OfferReducedPrices_OfferId" ON "OfferReducedPrices" ("OfferId");

CREATE INDEX "IX_OfferResourceKinds_OfferId" ON "OfferResourceKinds" ("OfferId");

CREATE INDEX "IX_Offers_LocationId_Position" ON "Offers" ("LocationId", "Position");

CREATE INDEX "IX_ReducedRateGrants_MemberId_ValidUntil" ON "ReducedRateGrants" ("MemberId", "ValidUntil");
