-- CreateIndex
CREATE INDEX "ReviewAssignment_roundId_subjectType_status_subjectId_idx" ON "ReviewAssignment"("roundId", "subjectType", "status", "subjectId");
