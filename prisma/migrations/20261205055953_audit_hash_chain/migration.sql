-- The audit trail becomes one hash chain (decision in docs/decisions/, issue #18): each event
-- stores its position, the hash of the event before it and the hash of its own canonical content.
-- SQL cannot compute SHA-256 here, so rows that exist already stay unsealed (null) and are
-- chained in createdAt order by sealAuditChain when scripts/setup-db.ts runs after the migration.
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;

-- One event per position: two writers that read the same head cannot both append.
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
