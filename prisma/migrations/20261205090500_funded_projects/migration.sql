-- DropIndex
DROP INDEX "GrantDisbursement_applicationId_position_idx";

-- DropIndex
DROP INDEX "GrantDisbursement_status_dueAt_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "GrantDisbursement";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "GrantProject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "serviceArea" TEXT,
    "awardFen" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'AWAITING_SIGNATURE',
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "reportEveryMonths" INTEGER NOT NULL DEFAULT 3,
    "signingDueAt" DATETIME NOT NULL,
    "signedAt" DATETIME,
    "midtermPassedAt" DATETIME,
    "finalPassedAt" DATETIME,
    "finalGrade" TEXT,
    "closedAt" DATETIME,
    "closingSummary" TEXT,
    "endedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantProject_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantProject_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantProject_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantProjectBudgetLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "plannedFen" INTEGER NOT NULL,
    "revisedFen" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantProjectBudgetLine_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantProjectKpi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "targetValue" REAL,
    "unit" TEXT,
    "actualValue" REAL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantProjectKpi_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantProjectMilestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantTranche" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "gateMetAt" DATETIME,
    "dueAt" DATETIME,
    "paidAt" DATETIME,
    "voucherNo" TEXT,
    "receivingAccount" TEXT,
    "paidById" TEXT,
    "holdReason" TEXT,
    CONSTRAINT "GrantTranche_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantReportKpi" (
    "reportId" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "actualValue" REAL NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("reportId", "kpiId"),
    CONSTRAINT "GrantReportKpi_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "GrantProgressReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantReportKpi_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "GrantProjectKpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantReportActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "title" TEXT NOT NULL,
    "peopleServed" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantReportActivity_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "GrantProgressReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantExpense" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "spentOn" DATETIME NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECORDED',
    "voidReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantExpense_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantExpense_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "GrantProjectBudgetLine" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantBudgetChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "lines" TEXT NOT NULL,
    "movedPct" REAL NOT NULL,
    "band" TEXT NOT NULL,
    "reason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantBudgetChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantMonitoringVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "visitedOn" DATETIME NOT NULL,
    "visitorId" TEXT,
    "findings" TEXT NOT NULL,
    "requestedActions" TEXT,
    "replyDueAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reply" TEXT,
    "repliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantMonitoringVisit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantRefund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "receivedFen" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "dueAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OUTSTANDING',
    "receivedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantRefund_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantBan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT,
    "reason" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "liftedAt" DATETIME,
    "liftReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantBan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantBan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GrantCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "poolFen" BIGINT NOT NULL,
    "perProjectCapFen" INTEGER NOT NULL,
    "maxGrantSharePct" INTEGER NOT NULL,
    "minMatchRatioPct" INTEGER NOT NULL DEFAULT 0,
    "overheadCapPct" INTEGER NOT NULL,
    "applyOpensAt" DATETIME NOT NULL,
    "applyClosesAt" DATETIME NOT NULL,
    "screeningEndsAt" DATETIME NOT NULL,
    "reviewEndsAt" DATETIME NOT NULL,
    "publicityDays" INTEGER NOT NULL DEFAULT 7,
    "signingEndsAt" DATETIME NOT NULL,
    "agreementTemplate" TEXT,
    "reportEveryMonths" INTEGER NOT NULL DEFAULT 3,
    "midtermAfterMonths" INTEGER NOT NULL DEFAULT 6,
    "finalBeforeEndMonths" INTEGER NOT NULL DEFAULT 1,
    "evaluationBands" TEXT NOT NULL DEFAULT '{}',
    "evaluationSchemeKey" TEXT,
    "evaluationPublicityDays" INTEGER NOT NULL DEFAULT 7,
    "eligibility" TEXT NOT NULL DEFAULT '{}',
    "reviewersPerApplication" INTEGER NOT NULL DEFAULT 3,
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "aggregation" TEXT NOT NULL DEFAULT 'MEAN',
    "zScoreNormalize" BOOLEAN NOT NULL DEFAULT false,
    "disagreementThreshold" INTEGER NOT NULL DEFAULT 20,
    "reviewStage" TEXT NOT NULL DEFAULT 'OPEN',
    "assignmentSeed" TEXT,
    "publicityStartsAt" DATETIME,
    "publicityEndsAt" DATETIME,
    "confirmedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_GrantCall" ("aggregation", "applyClosesAt", "applyOpensAt", "assignmentSeed", "blindReview", "categories", "confirmedAt", "createdAt", "createdById", "description", "disagreementThreshold", "eligibility", "id", "maxGrantSharePct", "minMatchRatioPct", "overheadCapPct", "perProjectCapFen", "poolFen", "publicityDays", "publicityEndsAt", "publicityStartsAt", "publishedAt", "reviewEndsAt", "reviewStage", "reviewersPerApplication", "screeningEndsAt", "signingEndsAt", "status", "title", "updatedAt", "year", "zScoreNormalize") SELECT "aggregation", "applyClosesAt", "applyOpensAt", "assignmentSeed", "blindReview", "categories", "confirmedAt", "createdAt", "createdById", "description", "disagreementThreshold", "eligibility", "id", "maxGrantSharePct", "minMatchRatioPct", "overheadCapPct", "perProjectCapFen", "poolFen", "publicityDays", "publicityEndsAt", "publicityStartsAt", "publishedAt", "reviewEndsAt", "reviewStage", "reviewersPerApplication", "screeningEndsAt", "signingEndsAt", "status", "title", "updatedAt", "year", "zScoreNormalize" FROM "GrantCall";
DROP TABLE "GrantCall";
ALTER TABLE "new_GrantCall" RENAME TO "GrantCall";
CREATE INDEX "GrantCall_status_applyClosesAt_idx" ON "GrantCall"("status", "applyClosesAt");
CREATE INDEX "GrantCall_year_idx" ON "GrantCall"("year");
CREATE TABLE "new_GrantAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ORIGINAL',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "amendmentReason" TEXT,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "text" TEXT,
    "textHash" TEXT,
    "endsOn" DATETIME NOT NULL,
    "issuedAt" DATETIME,
    "orgSignerName" TEXT,
    "orgSignerId" TEXT,
    "orgSignedAt" DATETIME,
    "orgSignedIp" TEXT,
    "bureauSignerName" TEXT,
    "bureauSignerId" TEXT,
    "bureauSignedAt" DATETIME,
    "bureauSignedIp" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantAgreement_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "GrantAgreement";
ALTER TABLE "new_GrantAgreement" RENAME TO "GrantAgreement";
CREATE INDEX "GrantAgreement_status_idx" ON "GrantAgreement"("status");
CREATE UNIQUE INDEX "GrantAgreement_projectId_version_key" ON "GrantAgreement"("projectId", "version");
CREATE TABLE "new_GrantEvaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'AWAITING_REPORT',
    "dueAt" DATETIME NOT NULL,
    "reportId" TEXT,
    "schemeId" TEXT,
    "score" REAL,
    "grade" TEXT,
    "recordItems" TEXT,
    "vetoReason" TEXT,
    "conclusion" TEXT,
    "publicityStartsAt" DATETIME,
    "publicityEndsAt" DATETIME,
    "finalAt" DATETIME,
    "decision" TEXT,
    "decisionReason" TEXT,
    "rectifyDueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "GrantEvaluation";
ALTER TABLE "new_GrantEvaluation" RENAME TO "GrantEvaluation";
CREATE INDEX "GrantEvaluation_status_dueAt_idx" ON "GrantEvaluation"("status", "dueAt");
CREATE INDEX "GrantEvaluation_kind_finalAt_idx" ON "GrantEvaluation"("kind", "finalAt");
CREATE UNIQUE INDEX "GrantEvaluation_projectId_kind_round_key" ON "GrantEvaluation"("projectId", "kind", "round");
CREATE TABLE "new_GrantProgressReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'PROGRESS',
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "narrative" TEXT,
    "draft" TEXT,
    "submittedAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "returnComment" TEXT,
    "remindedAt" DATETIME,
    "overdueNoticeAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantProgressReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "GrantProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "GrantProgressReport";
ALTER TABLE "new_GrantProgressReport" RENAME TO "GrantProgressReport";
CREATE INDEX "GrantProgressReport_status_dueAt_idx" ON "GrantProgressReport"("status", "dueAt");
CREATE UNIQUE INDEX "GrantProgressReport_projectId_sequence_key" ON "GrantProgressReport"("projectId", "sequence");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "GrantProject_applicationId_key" ON "GrantProject"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantProject_projectNo_key" ON "GrantProject"("projectNo");

-- CreateIndex
CREATE INDEX "GrantProject_callId_status_idx" ON "GrantProject"("callId", "status");

-- CreateIndex
CREATE INDEX "GrantProject_organizationId_status_idx" ON "GrantProject"("organizationId", "status");

-- CreateIndex
CREATE INDEX "GrantProject_status_signingDueAt_idx" ON "GrantProject"("status", "signingDueAt");

-- CreateIndex
CREATE INDEX "GrantProjectBudgetLine_projectId_position_idx" ON "GrantProjectBudgetLine"("projectId", "position");

-- CreateIndex
CREATE INDEX "GrantProjectKpi_projectId_position_idx" ON "GrantProjectKpi"("projectId", "position");

-- CreateIndex
CREATE INDEX "GrantProjectMilestone_projectId_position_idx" ON "GrantProjectMilestone"("projectId", "position");

-- CreateIndex
CREATE INDEX "GrantTranche_status_dueAt_idx" ON "GrantTranche"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "GrantTranche_projectId_position_key" ON "GrantTranche"("projectId", "position");

-- CreateIndex
CREATE INDEX "GrantReportKpi_kpiId_idx" ON "GrantReportKpi"("kpiId");

-- CreateIndex
CREATE INDEX "GrantReportActivity_reportId_position_idx" ON "GrantReportActivity"("reportId", "position");

-- CreateIndex
CREATE INDEX "GrantExpense_projectId_spentOn_idx" ON "GrantExpense"("projectId", "spentOn");

-- CreateIndex
CREATE INDEX "GrantExpense_budgetLineId_idx" ON "GrantExpense"("budgetLineId");

-- CreateIndex
CREATE INDEX "GrantBudgetChange_projectId_createdAt_idx" ON "GrantBudgetChange"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "GrantBudgetChange_status_idx" ON "GrantBudgetChange"("status");

-- CreateIndex
CREATE INDEX "GrantMonitoringVisit_projectId_visitedOn_idx" ON "GrantMonitoringVisit"("projectId", "visitedOn");

-- CreateIndex
CREATE INDEX "GrantMonitoringVisit_status_replyDueAt_idx" ON "GrantMonitoringVisit"("status", "replyDueAt");

-- CreateIndex
CREATE INDEX "GrantRefund_projectId_idx" ON "GrantRefund"("projectId");

-- CreateIndex
CREATE INDEX "GrantRefund_status_idx" ON "GrantRefund"("status");

-- CreateIndex
CREATE INDEX "GrantBan_organizationId_endsAt_idx" ON "GrantBan"("organizationId", "endsAt");

