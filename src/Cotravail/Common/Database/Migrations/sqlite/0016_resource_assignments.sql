-- 0016: dedicated desks and private offices assigned to a member or a company for a period of local dates.
CREATE TABLE "ResourceAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceAssignments" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "LocationId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "CompanyId" TEXT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NULL,
    "MonthlyPriceCents" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "VatBasisPoints" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    CONSTRAINT "CK_ResourceAssignments_Period" CHECK (("MemberId" IS NULL) <> ("CompanyId" IS NULL) AND ("To" IS NULL OR "From" < "To") AND "MonthlyPriceCents" >= 0),
    CONSTRAINT "FK_ResourceAssignments_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_ResourceAssignments_CompanyId" ON "ResourceAssignments" ("CompanyId");
CREATE INDEX "IX_ResourceAssignments_LocationId_From" ON "ResourceAssignments" ("LocationId", "From");
CREATE INDEX "IX_ResourceAssignments_MemberId" ON "ResourceAssignments" ("MemberId");
CREATE INDEX "IX_ResourceAssignments_ResourceId_From" ON "ResourceAssignments" ("ResourceId", "From");

-- No two assignments of one resource may overlap (half-open date ranges, open end = for ever). The
-- assigning transaction checks first (one writer at a time); these triggers are the backstop.
CREATE TRIGGER "TR_ResourceAssignments_NoOverlap_Insert" BEFORE INSERT ON "ResourceAssignments"
BEGIN
    SELECT RAISE(ABORT, 'assignment_overlap') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."ResourceId" = NEW."ResourceId"
          AND (NEW."To" IS NULL OR a."From" < NEW."To") AND (a."To" IS NULL OR NEW."From" < a."To"));
END;
CREATE TRIGGER "TR_ResourceAssignments_NoOverlap_Update" BEFORE UPDATE OF "ResourceId", "From", "To" ON "ResourceAssignments"
BEGIN
    SELECT RAISE(ABORT, 'assignment_overlap') WHERE EXISTS (
        SELECT 1 FROM "ResourceAssignments" a
        WHERE a."Id" <> NEW."Id" AND a."ResourceId" = NEW."ResourceId"
          AND (NEW."To" IS NULL OR a."From" < NEW."To") AND (a."To" IS NULL OR NEW."From" < a."To"));
END;
