-- CreateIndex
CREATE INDEX "Organization_search_row_idx" ON "Organization"("id", "status", "name", "type", "uscc", "registeredAt", "area", "currentGrade", "areaCode");

