-- 0016: dedicated desks and private offices assigned to a member or a company for a period of local dates.
CREATE TABLE "ResourceAssignments" (
    "Id" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "MemberId" uuid,
    "CompanyId" uuid,
    "From" date NOT NULL,
    "To" date,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone,
    "MonthlyPriceCents" bigint NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "VatBasisPoints" integer NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    CONSTRAINT "PK_ResourceAssignments" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_ResourceAssignments_Period" CHECK (("MemberId" IS NULL) <> ("CompanyId" IS NULL) AND ("To" IS NULL OR "From" < "To") AND "MonthlyPriceCents" >= 0),
    CONSTRAINT "FK_ResourceAssignments_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_ResourceAssignments_CompanyId" ON "ResourceAssignments" ("CompanyId");
CREATE INDEX "IX_ResourceAssignments_LocationId_From" ON "ResourceAssignments" ("LocationId", "From");
CREATE INDEX "IX_ResourceAssignments_MemberId" ON "ResourceAssignments" ("MemberId");
CREATE INDEX "IX_ResourceAssignments_ResourceId_From" ON "ResourceAssignments" ("ResourceId", "From");

-- No two assignments of one resource may overlap (half-open date ranges; a null end is unbounded),
-- whatever the isolation level or the number of app instances.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "ResourceAssignments" ADD CONSTRAINT "EX_ResourceAssignments_NoOverlap" EXCLUDE USING gist (
    "ResourceId" WITH =, daterange("From", "To", '[)') WITH &&);
