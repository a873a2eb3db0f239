-- 0023: an API token carries its account's security stamp at issue and stops working once the stamp
-- is renewed (password changed or reset, signed out everywhere...). Tokens issued before this script
-- take the account's current stamp, so they keep working until the next renewal.
ALTER TABLE "ApiTokens" ADD COLUMN "SecurityStamp" TEXT NULL;
UPDATE "ApiTokens" SET "SecurityStamp" = (SELECT u."SecurityStamp" FROM "AspNetUsers" u WHERE u."Id" = "ApiTokens"."UserId");
