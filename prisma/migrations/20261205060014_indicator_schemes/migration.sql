-- CreateTable
CREATE TABLE "IndicatorScheme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "orgType" TEXT,
    "subtype" TEXT,
    "totalPoints" REAL NOT NULL,
    "bonusCap" REAL NOT NULL DEFAULT 0,
    "rules" TEXT NOT NULL DEFAULT '{}',
    "frozenAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "IndicatorNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schemeId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "points" REAL NOT NULL,
    "method" TEXT,
    "items" TEXT,
    "evidence" TEXT,
    "bonus" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    CONSTRAINT "IndicatorNode_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "IndicatorScheme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IndicatorNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "IndicatorNode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "IndicatorScheme_purpose_orgType_idx" ON "IndicatorScheme"("purpose", "orgType");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorScheme_key_version_key" ON "IndicatorScheme"("key", "version");

-- CreateIndex
CREATE INDEX "IndicatorNode_parentId_idx" ON "IndicatorNode"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorNode_schemeId_code_key" ON "IndicatorNode"("schemeId", "code");

