-- 0030: subscriptions (passes, bundles, plans, the membership a member holds), their pauses, the balances
-- they grant per period (days, meeting-room minutes, print pages) whose CHECK keeps Used between 0 and
-- Granted whatever races, and what each booking took from them (ADR 21).
CREATE TABLE "Subscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Subscriptions" PRIMARY KEY,
    "MemberId" TEXT NOT NULL,
    "OfferId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "PayerCompanyId" TEXT NULL,
    "PriceCents" INTEGER NOT NULL,
    "VatMilliPercent" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    "NoticeDays" INTEGER NOT NULL,
    "CancelledAt" TEXT NULL,
    "ReplacedById" TEXT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_Subscriptions_Dates" CHECK ("EndsOn" IS NULL OR "EndsOn" >= "StartsOn"),
    CONSTRAINT "CK_Subscriptions_Price" CHECK ("PriceCents" >= 0 AND "VatMilliPercent" BETWEEN 0 AND 100000 AND "NoticeDays" >= 0),
    CONSTRAINT "FK_Subscriptions_Companies_PayerCompanyId" FOREIGN KEY ("PayerCompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Subscriptions_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Subscriptions_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Subscriptions_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Allowances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Allowances" PRIMARY KEY,
    "SubscriptionId" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "Granted" INTEGER NOT NULL,
    "Used" INTEGER NOT NULL,
    CONSTRAINT "CK_Allowances_Balance" CHECK ("Used" >= 0 AND "Used" <= "Granted" AND "PeriodEnd" >= "PeriodStart"),
    CONSTRAINT "FK_Allowances_Subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "Subscriptions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SubscriptionPauses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubscriptionPauses" PRIMARY KEY AUTOINCREMENT,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "SubscriptionId" TEXT NOT NULL,
    CONSTRAINT "CK_SubscriptionPauses_Dates" CHECK ("To" >= "From"),
    CONSTRAINT "FK_SubscriptionPauses_Subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "Subscriptions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AllowanceUses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AllowanceUses" PRIMARY KEY,
    "SubscriptionId" TEXT NOT NULL,
    "AllowanceId" TEXT NULL,
    "BookingId" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "CoveredCents" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "CK_AllowanceUses_Amount" CHECK ("Amount" >= 0 AND "CoveredCents" >= 0),
    CONSTRAINT "FK_AllowanceUses_Allowances_AllowanceId" FOREIGN KEY ("AllowanceId") REFERENCES "Allowances" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AllowanceUses_Bookings_BookingId" FOREIGN KEY ("BookingId") REFERENCES "Bookings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AllowanceUses_Subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "Subscriptions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Allowances_SubscriptionId_Unit_PeriodStart" ON "Allowances" ("SubscriptionId", "Unit", "PeriodStart");

CREATE INDEX "IX_AllowanceUses_AllowanceId_Day" ON "AllowanceUses" ("AllowanceId", "Day");

CREATE INDEX "IX_AllowanceUses_BookingId" ON "AllowanceUses" ("BookingId");

CREATE INDEX "IX_AllowanceUses_SubscriptionId" ON "AllowanceUses" ("SubscriptionId");

CREATE INDEX "IX_SubscriptionPauses_SubscriptionId" ON "SubscriptionPauses" ("SubscriptionId");

CREATE INDEX "IX_Subscriptions_LocationId_StartsOn" ON "Subscriptions" ("LocationId", "StartsOn");

CREATE INDEX "IX_Subscriptions_MemberId_StartsOn" ON "Subscriptions" ("MemberId", "StartsOn");

CREATE INDEX "IX_Subscriptions_OfferId" ON "Subscriptions" ("OfferId");

CREATE INDEX "IX_Subscriptions_PayerCompanyId" ON "Subscriptions" ("PayerCompanyId");
