-- AlterTable
ALTER TABLE "ReviewScore" ADD COLUMN "note" TEXT;

-- CreateTable
CREATE TABLE "RatingRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "bands" TEXT NOT NULL,
    "applyOpensAt" DATETIME NOT NULL,
    "applyClosesAt" DATETIME NOT NULL,
    "reviewEndsAt" DATETIME NOT NULL,
    "reviewersPerApplication" INTEGER NOT NULL DEFAULT 3,
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "publicityDays" INTEGER NOT NULL DEFAULT 7,
    "committeeMembers" INTEGER NOT NULL DEFAULT 7,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "assignmentSeed" TEXT,
    "publicityStartsAt" DATETIME,
    "publicityEndsAt" DATETIME,
    "announcedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RatingRoundScheme" (
    "roundId" TEXT NOT NULL,
    "orgType" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "orgType"),
    CONSTRAINT "RatingRoundScheme_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "RatingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "eligibility" TEXT,
    "selfTotal" REAL,
    "expertTotal" REAL,
    "committeeTotal" REAL,
    "finalScore" REAL,
    "proposedGrade" INTEGER,
    "finalGrade" INTEGER,
    "gradeCapNote" TEXT,
    "returnNote" TEXT,
    "rejectReason" TEXT,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RatingApplication_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "RatingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RatingApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingSelfScore" (
    "applicationId" TEXT NOT NULL,
    "leafCode" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("applicationId", "leafCode"),
    CONSTRAINT "RatingSelfScore_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RatingApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingCommitteeScore" (
    "applicationId" TEXT NOT NULL,
    "leafCode" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "reason" TEXT,

    PRIMARY KEY ("applicationId", "leafCode"),
    CONSTRAINT "RatingCommitteeScore_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RatingApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RatingRound_status_year_idx" ON "RatingRound"("status", "year");

-- CreateIndex
CREATE INDEX "RatingRound_year_idx" ON "RatingRound"("year");

-- CreateIndex
CREATE INDEX "RatingRoundScheme_schemeId_idx" ON "RatingRoundScheme"("schemeId");

-- CreateIndex
CREATE INDEX "RatingApplication_roundId_status_idx" ON "RatingApplication"("roundId", "status");

-- CreateIndex
CREATE INDEX "RatingApplication_organizationId_createdAt_idx" ON "RatingApplication"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RatingApplication_roundId_organizationId_key" ON "RatingApplication"("roundId", "organizationId");

