-- 0009: first answers to POSTs sent with an Idempotency-Key, per account and key (kept 24 hours).
CREATE TABLE "IdempotentRequests" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "StatusCode" integer,
    "ContentType" character varying(100),
    "Location" character varying(500),
    "Body" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IdempotentRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IdempotentRequests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IdempotentRequests_CreatedAt" ON "IdempotentRequests" ("CreatedAt");
CREATE UNIQUE INDEX "IX_IdempotentRequests_UserId_Key" ON "IdempotentRequests" ("UserId", "Key");
