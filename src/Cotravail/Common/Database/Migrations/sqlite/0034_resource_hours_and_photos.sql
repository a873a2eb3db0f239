-- 0034: a resource's own opening hours, which narrow its location's (none: the location's); photos of resources,
-- kept with the location's photos (ResourceId set) and gone with the resource.
CREATE TABLE "ResourceOpeningHours" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ResourceOpeningHours" PRIMARY KEY AUTOINCREMENT,
    "Day" INTEGER NOT NULL,
    "Opens" TEXT NOT NULL,
    "Closes" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    CONSTRAINT "FK_ResourceOpeningHours_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ResourceOpeningHours_ResourceId" ON "ResourceOpeningHours" ("ResourceId");

ALTER TABLE "LocationPhotos" ADD COLUMN "ResourceId" TEXT NULL
    CONSTRAINT "FK_LocationPhotos_Resources_ResourceId" REFERENCES "Resources" ("Id") ON DELETE CASCADE;

CREATE INDEX "IX_LocationPhotos_ResourceId" ON "LocationPhotos" ("ResourceId");
