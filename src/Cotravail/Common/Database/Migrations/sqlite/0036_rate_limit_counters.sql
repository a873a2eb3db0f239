-- 0036: rate-limit windows counted in the database, so that instances behind a load balancer share one budget
-- (per address and per account); the key is stored as its SHA-256, never as an address or an email.
-- SQLite runs one instance and counts in memory: the table exists so both engines have one schema.
CREATE TABLE "RateLimitCounters" (
    "KeyHash" TEXT NOT NULL CONSTRAINT "PK_RateLimitCounters" PRIMARY KEY,
    "WindowStart" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "Count" INTEGER NOT NULL
);

CREATE INDEX "IX_RateLimitCounters_ExpiresAt" ON "RateLimitCounters" ("ExpiresAt");
