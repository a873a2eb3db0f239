-- Accounts and security: last accepted authenticator step, hashed recovery codes, token scopes.
ALTER TABLE "AspNetUsers" ADD COLUMN "LastTotpStep" bigint;

ALTER TABLE "ApiTokens" ADD COLUMN "Scope" character varying(20) NOT NULL DEFAULT 'ReadWrite';

CREATE TABLE "RecoveryCodes" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CodeHash" character varying(64) NOT NULL,
    "UsedAt" timestamp with time zone,
    CONSTRAINT "PK_RecoveryCodes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RecoveryCodes_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RecoveryCodes_UserId_CodeHash" ON "RecoveryCodes" ("UserId", "CodeHash");
