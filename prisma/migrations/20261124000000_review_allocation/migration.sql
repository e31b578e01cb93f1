-- AlterTable
ALTER TABLE "GrantObjection" ADD COLUMN "changedAmountFen" INTEGER;
ALTER TABLE "GrantObjection" ADD COLUMN "decidedById" TEXT;
ALTER TABLE "GrantObjection" ADD COLUMN "ipHash" TEXT;
ALTER TABLE "GrantObjection" ADD COLUMN "upheldAction" TEXT;

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
INSERT INTO "new_GrantCall" ("aggregation", "applyClosesAt", "applyOpensAt", "blindReview", "categories", "createdAt", "createdById", "description", "disagreementThreshold", "eligibility", "id", "maxGrantSharePct", "minMatchRatioPct", "overheadCapPct", "perProjectCapFen", "poolFen", "publicityDays", "publicityStartsAt", "publishedAt", "reviewEndsAt", "reviewersPerApplication", "screeningEndsAt", "signingEndsAt", "status", "title", "updatedAt", "year") SELECT "aggregation", "applyClosesAt", "applyOpensAt", "blindReview", "categories", "createdAt", "createdById", "description", "disagreementThreshold", "eligibility", "id", "maxGrantSharePct", "minMatchRatioPct", "overheadCapPct", "perProjectCapFen", "poolFen", "publicityDays", "publicityStartsAt", "publishedAt", "reviewEndsAt", "reviewersPerApplication", "screeningEndsAt", "signingEndsAt", "status", "title", "updatedAt", "year" FROM "GrantCall";
DROP TABLE "GrantCall";
ALTER TABLE "new_GrantCall" RENAME TO "GrantCall";
CREATE INDEX "GrantCall_status_applyClosesAt_idx" ON "GrantCall"("status", "applyClosesAt");
CREATE INDEX "GrantCall_year_idx" ON "GrantCall"("year");
CREATE TABLE "new_ReviewAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ASSIGNED',
    "assignmentSeed" TEXT,
    "comment" TEXT,
    "recommendation" TEXT,
    "recuseReason" TEXT,
    "replaceReason" TEXT,
    "dueAt" DATETIME,
    "submittedAt" DATETIME,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewAssignment" ("assignmentSeed", "comment", "createdAt", "dueAt", "id", "recommendation", "recuseReason", "reviewerId", "status", "subjectId", "subjectType", "submittedAt", "updatedAt") SELECT "assignmentSeed", "comment", "createdAt", "dueAt", "id", "recommendation", "recuseReason", "reviewerId", "status", "subjectId", "subjectType", "submittedAt", "updatedAt" FROM "ReviewAssignment";
DROP TABLE "ReviewAssignment";
ALTER TABLE "new_ReviewAssignment" RENAME TO "ReviewAssignment";
CREATE INDEX "ReviewAssignment_reviewerId_status_dueAt_idx" ON "ReviewAssignment"("reviewerId", "status", "dueAt");
CREATE INDEX "ReviewAssignment_subjectType_subjectId_idx" ON "ReviewAssignment"("subjectType", "subjectId");
CREATE INDEX "ReviewAssignment_roundId_status_idx" ON "ReviewAssignment"("roundId", "status");
CREATE UNIQUE INDEX "ReviewAssignment_subjectType_subjectId_reviewerId_key" ON "ReviewAssignment"("subjectType", "subjectId", "reviewerId");
CREATE TABLE "new_GrantAward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "finalScore" REAL NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "recommended" BOOLEAN NOT NULL,
    "recommendedFen" INTEGER NOT NULL,
    "overrideSelected" BOOLEAN,
    "overrideFen" INTEGER,
    "overrideReason" TEXT,
    "selected" BOOLEAN NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantAward_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantAward_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_GrantAward" ("applicationId", "createdAt", "finalScore", "id", "overrideReason", "rank", "updatedAt") SELECT "applicationId", "createdAt", "finalScore", "id", "overrideReason", "rank", "updatedAt" FROM "GrantAward";
DROP TABLE "GrantAward";
ALTER TABLE "new_GrantAward" RENAME TO "GrantAward";
CREATE UNIQUE INDEX "GrantAward_applicationId_key" ON "GrantAward"("applicationId");
CREATE INDEX "GrantAward_callId_rank_idx" ON "GrantAward"("callId", "rank");
CREATE INDEX "GrantAward_callId_selected_idx" ON "GrantAward"("callId", "selected");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GrantObjection_ipHash_createdAt_idx" ON "GrantObjection"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "GrantObjection_applicationId_idx" ON "GrantObjection"("applicationId");

