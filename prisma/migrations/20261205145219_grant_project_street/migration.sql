-- AlterTable
ALTER TABLE "GrantProject" ADD COLUMN "street" TEXT;

-- CreateIndex
CREATE INDEX "GrantProject_category_callId_idx" ON "GrantProject"("category", "callId");

-- CreateIndex
CREATE INDEX "GrantProject_street_callId_idx" ON "GrantProject"("street", "callId");


-- Backfill the projects created before the column: the street (街道 or 镇) of the organization's
-- address after its district (区), as streetOf does for the common "…区XX街道…" form; 其他 otherwise.
UPDATE "GrantProject" SET "street" = COALESCE((
  SELECT CASE
    WHEN length(s) BETWEEN 2 AND 8 THEN s
  END
  FROM (
    SELECT substr(p, length(rtrim(p, replace(p, '区', ''))) + 1) AS s
    FROM (
      SELECT CASE
        WHEN instr(o."address", '街道') > 0 THEN substr(o."address", 1, instr(o."address", '街道') + 1)
        WHEN instr(o."address", '镇') > 0 THEN substr(o."address", 1, instr(o."address", '镇'))
      END AS p
      FROM "Organization" o WHERE o."id" = "GrantProject"."organizationId"
    )
    WHERE p IS NOT NULL
  )
), '其他');
