-- DropIndex
DROP INDEX "AuditEvent_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_entityType_entityId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_action_createdAt_idx";

-- DropIndex
DROP INDEX "InspectionReport_roundId_status_idx";

-- DropIndex
DROP INDEX "Order_createdAt_idx";

-- CreateTable
CREATE TABLE "AuditChainCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "intact" BOOLEAN NOT NULL,
    "throughSeq" INTEGER NOT NULL,
    "throughHash" TEXT,
    "brokenSeq" INTEGER,
    "brokenEventId" TEXT,
    "brokenReason" TEXT,
    "checkedById" TEXT
);

-- CreateIndex
CREATE INDEX "AuditChainCheck_checkedAt_idx" ON "AuditChainCheck"("checkedAt");

-- CreateIndex
CREATE INDEX "AuditChainCheck_intact_checkedAt_idx" ON "AuditChainCheck"("intact", "checkedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InspectionReport_roundId_status_id_idx" ON "InspectionReport"("roundId", "status", "id");

-- CreateIndex
CREATE INDEX "InspectionReport_roundId_conclusion_status_id_idx" ON "InspectionReport"("roundId", "conclusion", "status", "id");

-- CreateIndex
CREATE INDEX "Product_status_createdAt_id_idx" ON "Product"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Product_createdAt_id_idx" ON "Product"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_createdAt_id_idx" ON "Order"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Order_status_createdAt_id_idx" ON "Order"("status", "createdAt", "id");

