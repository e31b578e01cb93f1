-- One objection table for every publicity (decision 013): the grant shortlist's
-- objections move from GrantObjection into Objection, keeping their ids and
-- tokens, so the objectors' links and the audit trail keep working.

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicationType" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "entryType" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "reply" TEXT,
    "upheldAction" TEXT,
    "changedAmountFen" INTEGER,
    "accessToken" TEXT NOT NULL,
    "ipHash" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Objection_accessToken_key" ON "Objection"("accessToken");

-- CreateIndex
CREATE INDEX "Objection_publicationType_publicationId_status_idx" ON "Objection"("publicationType", "publicationId", "status");

-- CreateIndex
CREATE INDEX "Objection_ipHash_createdAt_idx" ON "Objection"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "Objection_entryType_entryId_idx" ON "Objection"("entryType", "entryId");

-- Move the grant shortlist's objections.
INSERT INTO "Objection" ("id", "publicationType", "publicationId", "entryType", "entryId", "name", "contact", "content",
    "status", "reply", "upheldAction", "changedAmountFen", "accessToken", "ipHash", "decidedById", "decidedAt", "createdAt")
SELECT "id", 'GrantCall', "callId", 'GrantApplication', "applicationId", "name", "contact", "content",
    "status", "reply", "upheldAction", "changedAmountFen", "accessToken", "ipHash", "decidedById", "decidedAt", "createdAt"
FROM "GrantObjection";

-- Their evidence files now belong to the shared subject type.
UPDATE "Attachment" SET "subjectType" = 'Objection', "purpose" = 'objection.evidence'
WHERE "subjectType" = 'GrantObjection';

-- DropTable
DROP TABLE "GrantObjection";
