-- 0005: location photos, stored in the database (bytes checked by content, at most 5 MB each).
CREATE TABLE "LocationPhotos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LocationPhotos" PRIMARY KEY,
    "LocationId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_LocationPhotos_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LocationPhotos_LocationId_CreatedAt" ON "LocationPhotos" ("LocationId", "CreatedAt");
