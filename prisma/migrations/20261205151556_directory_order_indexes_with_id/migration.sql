-- The directory and the staff list order by (name, id) or (registeredAt, id) (decision 023):
-- with id in the index, a page typed by number skips index entries without reading rows.
-- DropIndex
DROP INDEX "Organization_status_name_idx";

-- DropIndex
DROP INDEX "Organization_status_registeredAt_idx";

-- CreateIndex
CREATE INDEX "Organization_status_name_idx" ON "Organization"("status", "name", "id");

-- CreateIndex
CREATE INDEX "Organization_status_registeredAt_idx" ON "Organization"("status", "registeredAt", "id");

