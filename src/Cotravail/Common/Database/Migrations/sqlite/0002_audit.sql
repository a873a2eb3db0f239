-- 0002: the audit log of sensitive actions (no foreign keys: it outlives what it mentions).
CREATE TABLE "AuditLog" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY,
    "At" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "IpAddress" TEXT NULL,
    "TargetType" TEXT NULL,
    "TargetId" TEXT NULL,
    "LocationId" TEXT NULL,
    "Detail" TEXT NULL
);

CREATE INDEX "IX_AuditLog_Action_At" ON "AuditLog" ("Action", "At");
CREATE INDEX "IX_AuditLog_ActorUserId" ON "AuditLog" ("ActorUserId");
CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");
CREATE INDEX "IX_AuditLog_TargetId" ON "AuditLog" ("TargetId");
