-- Accounts and security: last accepted authenticator step, hashed recovery codes, token scopes.
ALTER TABLE "AspNetUsers" ADD COLUMN "LastTotpStep" INTEGER NULL;

ALTER TABLE "ApiTokens" ADD COLUMN "Scope" TEXT NOT NULL DEFAULT 'ReadWrite';

CREATE TABLE "RecoveryCodes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RecoveryCodes" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    CONSTRAINT "FK_RecoveryCodes_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RecoveryCodes_UserId_CodeHash" ON "RecoveryCodes" ("UserId", "CodeHash");
