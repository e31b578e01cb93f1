-- CreateTable
CREATE TABLE "RatingCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME NOT NULL,
    "ratingBody" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'VALID',
    "returnDueAt" DATETIME,
    "returnedAt" DATETIME,
    "returnNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingCertificate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingGradeAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "fromGrade" INTEGER NOT NULL,
    "toGrade" INTEGER,
    "detail" TEXT NOT NULL,
    "sourceType" TEXT,
    "sourceId" TEXT,
    "proposedById" TEXT,
    "decisionNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "newGradeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingGradeAction_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingCheckSample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seed" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "minGrade" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,
    "drawnById" TEXT,
    "drawnAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RatingCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "sampleId" TEXT,
    "organizationId" TEXT NOT NULL,
    "trigger" TEXT,
    "gradeBefore" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "gradeAfter" INTEGER,
    "outcomeNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingCheck_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RatingCheck_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "RatingCheckSample" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingCertificate_number_key" ON "RatingCertificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "RatingCertificate_gradeId_key" ON "RatingCertificate"("gradeId");

-- CreateIndex
CREATE INDEX "RatingCertificate_organizationId_issuedAt_idx" ON "RatingCertificate"("organizationId", "issuedAt");

-- CreateIndex
CREATE INDEX "RatingCertificate_status_returnDueAt_idx" ON "RatingCertificate"("status", "returnDueAt");

-- CreateIndex
CREATE INDEX "RatingGradeAction_status_createdAt_idx" ON "RatingGradeAction"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RatingGradeAction_organizationId_decidedAt_idx" ON "RatingGradeAction"("organizationId", "decidedAt");

-- CreateIndex
CREATE INDEX "RatingGradeAction_sourceType_sourceId_idx" ON "RatingGradeAction"("sourceType", "sourceId");

-- CreateIndex
CREATE INDEX "RatingCheck_status_createdAt_idx" ON "RatingCheck"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RatingCheck_sampleId_idx" ON "RatingCheck"("sampleId");

-- CreateIndex
CREATE INDEX "RatingCheck_organizationId_idx" ON "RatingCheck"("organizationId");

