-- 0036: rate-limit windows counted in the database, so that instances behind a load balancer share one budget
-- (per address and per account); the key is stored as its SHA-256, never as an address or an email.
CREATE TABLE "RateLimitCounters" (
    "KeyHash" character varying(64) NOT NULL,
    "WindowStart" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_RateLimitCounters" PRIMARY KEY ("KeyHash")
);

CREATE INDEX "IX_RateLimitCounters_ExpiresAt" ON "RateLimitCounters" ("ExpiresAt");
