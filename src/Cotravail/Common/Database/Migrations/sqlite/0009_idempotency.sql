-- 0009: first answers to POSTs sent with an Idempotency-Key, per account and key (kept 24 hours).
CREATE TABLE "IdempotentRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IdempotentRequests" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NULL,
    "ContentType" TEXT NULL,
    "Location" TEXT NULL,
    "Body" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IdempotentRequests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IdempotentRequests_CreatedAt" ON "IdempotentRequests" ("CreatedAt");
CREATE UNIQUE INDEX "IX_IdempotentRequests_UserId_Key" ON "IdempotentRequests" ("UserId", "Key");
