-- 0005: location photos, stored in the database (bytes checked by content, at most 5 MB each).
CREATE TABLE "LocationPhotos" (
    "Id" uuid NOT NULL,
    "LocationId" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Content" bytea NOT NULL,
    "SizeBytes" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_LocationPhotos" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LocationPhotos_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LocationPhotos_LocationId_CreatedAt" ON "LocationPhotos" ("LocationId", "CreatedAt");
