-- 0041: a member points a project to another member once (one email, one row): repeats of the same introduction
-- are removed (the first kept) and a unique index replaces the index on ProjectId, which it begins with.
DELETE FROM "Introductions" AS i
WHERE EXISTS (
    SELECT 1 FROM "Introductions" AS j
    WHERE j."ProjectId" = i."ProjectId" AND j."IntroducerMemberId" = i."IntroducerMemberId" AND j."IntroducedMemberId" = i."IntroducedMemberId"
      AND (j."CreatedAt" < i."CreatedAt" OR (j."CreatedAt" = i."CreatedAt" AND j."Id" < i."Id")));

DROP INDEX "IX_Introductions_ProjectId";

CREATE UNIQUE INDEX "IX_Introductions_Project_Introducer_Introduced" ON "Introductions" ("ProjectId", "IntroducerMemberId", "IntroducedMemberId");
