-- CreateTable
CREATE TABLE "RatingCommitteeMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "heldAt" DATETIME NOT NULL,
    "membersPresent" INTEGER NOT NULL,
    "presentNames" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RatingCommitteeVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "inFavor" INTEGER NOT NULL,
    "against" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "finalScore" REAL NOT NULL,
    "grade" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingCommitteeVote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "RatingCommitteeMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingReviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "evidence" TEXT,
    "status" TEXT NOT NULL DEFAULT 'FILED',
    "dueAt" DATETIME NOT NULL,
    "gradeBefore" INTEGER,
    "gradeAfter" INTEGER,
    "decisionNote" TEXT,
    "filedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RatingCommitteeMeeting_roundId_heldAt_idx" ON "RatingCommitteeMeeting"("roundId", "heldAt");

-- CreateIndex
CREATE INDEX "RatingCommitteeVote_applicationId_createdAt_idx" ON "RatingCommitteeVote"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "RatingCommitteeVote_meetingId_idx" ON "RatingCommitteeVote"("meetingId");

-- CreateIndex
CREATE INDEX "RatingReviewRequest_applicationId_createdAt_idx" ON "RatingReviewRequest"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "RatingReviewRequest_status_dueAt_idx" ON "RatingReviewRequest"("status", "dueAt");

