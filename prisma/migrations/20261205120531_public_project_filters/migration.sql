-- CreateIndex
CREATE INDEX "GrantProject_serviceArea_projectNo_idx" ON "GrantProject"("serviceArea", "projectNo");

