-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GrantMonitoringVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "visitedOn" DATETIME NOT NULL,
    "visitorId" TEXT,
    "purpose" TEXT,
    "findings" TEXT,
    "requestedActions" TEXT,
    "replyDueAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reply" TEXT,
    "repliedAt" DATETIME,
    "repliedById" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantMonitoringVisit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_GrantMonitoringVisit" ("createdAt", "findings", "id", "projectId", "repliedAt", "reply", "replyDueAt", "requestedActions", "status", "visitedOn", "visitorId") SELECT "createdAt", "findings", "id", "projectId", "repliedAt", "reply", "replyDueAt", "requestedActions", "status", "visitedOn", "visitorId" FROM "GrantMonitoringVisit";
DROP TABLE "GrantMonitoringVisit";
ALTER TABLE "new_GrantMonitoringVisit" RENAME TO "GrantMonitoringVisit";
CREATE INDEX "GrantMonitoringVisit_projectId_visitedOn_idx" ON "GrantMonitoringVisit"("projectId", "visitedOn");
CREATE INDEX "GrantMonitoringVisit_status_replyDueAt_idx" ON "GrantMonitoringVisit"("status", "replyDueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

