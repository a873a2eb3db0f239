-- 0003: the email outbox, join requests and invitations (accounts issue).
CREATE TABLE "Outbox" (
    "Id" uuid NOT NULL,
    "To" character varying(256) NOT NULL,
    "Subject" character varying(300) NOT NULL,
    "TextBody" text NOT NULL,
    "HtmlBody" text,
    "Culture" character varying(10) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "ClaimedUntil" timestamp with time zone,
    "SentAt" timestamp with time zone,
    "LastError" character varying(2000),
    CONSTRAINT "PK_Outbox" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Outbox_CreatedAt" ON "Outbox" ("CreatedAt");
CREATE INDEX "IX_Outbox_SentAt_NextAttemptAt" ON "Outbox" ("SentAt", "NextAttemptAt");
