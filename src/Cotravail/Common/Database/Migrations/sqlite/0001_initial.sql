-- 0001: network, locations, resources, members, companies, accounts, staff roles, API tokens, data-protection keys.
CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "IsNetworkAdmin" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "PreferredCulture" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "Companies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Companies" PRIMARY KEY,
    "LegalName" TEXT NOT NULL,
    "Siren" TEXT NULL,
    "VatNumber" TEXT NULL,
    "Street" TEXT NOT NULL,
    "PostalCode" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "CountryCode" TEXT NOT NULL,
    "BillingContactName" TEXT NOT NULL,
    "BillingEmail" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "Locations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Locations" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Street" TEXT NOT NULL,
    "PostalCode" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "CountryCode" TEXT NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "TimeZone" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "Description" TEXT NULL,
    "PhotoUrl" TEXT NULL,
    "OpenSpaceCapacity" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "NetworkProfile" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkProfile" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "LegalName" TEXT NOT NULL,
    "LegalForm" TEXT NOT NULL,
    "Siren" TEXT NULL,
    "Siret" TEXT NULL,
    "VatNumber" TEXT NULL,
    "VatFranchise" INTEGER NOT NULL,
    "Street" TEXT NOT NULL,
    "PostalCode" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "CountryCode" TEXT NOT NULL,
    "RcsCity" TEXT NULL,
    "Email" TEXT NULL,
    "Website" TEXT NULL,
    "Tagline" TEXT NULL
);


CREATE TABLE "ApiTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "LocationClosedDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LocationClosedDays" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    CONSTRAINT "FK_LocationClosedDays_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "LocationOpeningHours" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LocationOpeningHours" PRIMARY KEY AUTOINCREMENT,
    "Day" INTEGER NOT NULL,
    "Opens" TEXT NOT NULL,
    "Closes" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    CONSTRAINT "FK_LocationOpeningHours_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "LocationVatRates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LocationVatRates" PRIMARY KEY AUTOINCREMENT,
    "Label" TEXT NOT NULL,
    "BasisPoints" INTEGER NOT NULL,
    "LocationId" TEXT NOT NULL,
    CONSTRAINT "FK_LocationVatRates_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY,
    "UserId" TEXT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Category" TEXT NOT NULL,
    "HomeLocationId" TEXT NOT NULL,
    "CompanyId" TEXT NULL,
    "BilledToCompany" INTEGER NOT NULL,
    "IsCompanyAdmin" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Members_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Members_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Members_Locations_HomeLocationId" FOREIGN KEY ("HomeLocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Resources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Resources" PRIMARY KEY,
    "LocationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Amenities" INTEGER NOT NULL,
    "Accessibility" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "MemberDayCents" INTEGER NULL,
    "MemberHalfDayCents" INTEGER NULL,
    "MemberHourlyCents" INTEGER NULL,
    "NonMemberDayCents" INTEGER NULL,
    "NonMemberHalfDayCents" INTEGER NULL,
    "NonMemberHourlyCents" INTEGER NULL,
    CONSTRAINT "CK_Resources_Capacity" CHECK ("Capacity" >= 1),
    CONSTRAINT "FK_Resources_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "StaffAssignments" (
    "UserId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "PK_StaffAssignments" PRIMARY KEY ("UserId", "LocationId"),
    CONSTRAINT "FK_StaffAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StaffAssignments_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");


CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE UNIQUE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_Companies_LegalName" ON "Companies" ("LegalName");


CREATE UNIQUE INDEX "IX_Companies_Siren" ON "Companies" ("Siren");


CREATE INDEX "IX_LocationClosedDays_LocationId" ON "LocationClosedDays" ("LocationId");


CREATE INDEX "IX_LocationOpeningHours_LocationId" ON "LocationOpeningHours" ("LocationId");


CREATE INDEX "IX_Locations_Name" ON "Locations" ("Name");


CREATE UNIQUE INDEX "IX_Locations_Slug" ON "Locations" ("Slug");


CREATE INDEX "IX_LocationVatRates_LocationId" ON "LocationVatRates" ("LocationId");


CREATE INDEX "IX_Members_CompanyId" ON "Members" ("CompanyId");


CREATE UNIQUE INDEX "IX_Members_Email" ON "Members" ("Email");


CREATE INDEX "IX_Members_HomeLocationId_LastName" ON "Members" ("HomeLocationId", "LastName");


CREATE UNIQUE INDEX "IX_Members_UserId" ON "Members" ("UserId");


CREATE UNIQUE INDEX "IX_Resources_LocationId_Name" ON "Resources" ("LocationId", "Name");


CREATE INDEX "IX_StaffAssignments_LocationId" ON "StaffAssignments" ("LocationId");


