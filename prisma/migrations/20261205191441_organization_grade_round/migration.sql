-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrganizationGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "announcedAt" DATETIME NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "roundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationGrade_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationGrade_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "RatingRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OrganizationGrade" ("announcedAt", "createdAt", "grade", "id", "note", "organizationId", "recordedById", "validFrom", "validTo") SELECT "announcedAt", "createdAt", "grade", "id", "note", "organizationId", "recordedById", "validFrom", "validTo" FROM "OrganizationGrade";
DROP TABLE "OrganizationGrade";
ALTER TABLE "new_OrganizationGrade" RENAME TO "OrganizationGrade";
CREATE INDEX "OrganizationGrade_organizationId_validTo_idx" ON "OrganizationGrade"("organizationId", "validTo");
CREATE INDEX "OrganizationGrade_roundId_idx" ON "OrganizationGrade"("roundId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: a grade written by a round's announcement (announceRound) was announced at the
-- round's announcement time, for an organization whose application in the round was announced,
-- with a note that starts with the round's title. Grades staff entered and downgrades stay null.
UPDATE "OrganizationGrade" SET "roundId" = (
    SELECT r."id" FROM "RatingRound" r
    JOIN "RatingApplication" a ON a."roundId" = r."id"
    WHERE a."organizationId" = "OrganizationGrade"."organizationId"
      AND a."status" = 'ANNOUNCED'
      AND r."announcedAt" = "OrganizationGrade"."announcedAt"
      AND "OrganizationGrade"."note" LIKE r."title" || '（%'
    LIMIT 1
) WHERE "roundId" IS NULL;
