-- 0024: a message that failed its last allowed attempt is marked failed for good (FailedAt) and no longer
-- looked for; the sender's index holds only the messages still to send. Messages already past the old
-- limit of 10 tries are failed now; unsent subjects queued with a line break (which made the sender throw)
-- become one line, as every subject is from now on.
ALTER TABLE "Outbox" ADD COLUMN "FailedAt" timestamp with time zone;
UPDATE "Outbox" SET "FailedAt" = "NextAttemptAt" WHERE "SentAt" IS NULL AND "Attempts" >= 10;
UPDATE "Outbox" SET "Subject" = btrim(translate("Subject", chr(13) || chr(10), '  '))
WHERE "SentAt" IS NULL AND "Subject" ~ '[\r\n]';
DROP INDEX "IX_Outbox_SentAt_NextAttemptAt";
CREATE INDEX "IX_Outbox_Due" ON "Outbox" ("NextAttemptAt") WHERE "SentAt" IS NULL AND "FailedAt" IS NULL;
CREATE INDEX "IX_Outbox_FailedAt" ON "Outbox" ("FailedAt") WHERE "FailedAt" IS NOT NULL;
