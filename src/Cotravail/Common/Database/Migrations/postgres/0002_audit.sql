-- 0002: the audit log of sensitive actions (no foreign keys: it outlives what it mentions).
CREATE TABLE "AuditLog" (
    "Id" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Action" character varying(64) NOT NULL,
    "ActorUserId" uuid,
    "IpAddress" character varying(64),
    "TargetType" character varying(32),
    "TargetId" uuid,
    "LocationId" uuid,
    "Detail" character varying(2000),
    CONSTRAINT "PK_AuditLog" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_AuditLog_Action_At" ON "AuditLog" ("Action", "At");
CREATE INDEX "IX_AuditLog_ActorUserId" ON "AuditLog" ("ActorUserId");
CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");
CREATE INDEX "IX_AuditLog_TargetId" ON "AuditLog" ("TargetId");
