-- CreateTable
CREATE TABLE "DirectoryEdition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "applyOpensAt" DATETIME NOT NULL,
    "applyClosesAt" DATETIME NOT NULL,
    "serviceAreas" TEXT NOT NULL,
    "publicityDays" INTEGER NOT NULL DEFAULT 7,
    "publicityStartsAt" DATETIME,
    "publicityEndsAt" DATETIME,
    "publishedAt" DATETIME,
    "supersededAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DirectoryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "capability" TEXT,
    "street" TEXT NOT NULL,
    "taxDeclared" BOOLEAN NOT NULL DEFAULT false,
    "taxNote" TEXT,
    "taxCheckedAt" DATETIME,
    "markerGrade" BOOLEAN NOT NULL DEFAULT false,
    "markerProjects" BOOLEAN NOT NULL DEFAULT false,
    "conditions" TEXT NOT NULL DEFAULT '[]',
    "returnNote" TEXT,
    "rejectReason" TEXT,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "listedAt" DATETIME,
    "removedAt" DATETIME,
    "removalReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryEntry_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "DirectoryEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DirectoryEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectoryEntryArea" (
    "entryId" TEXT NOT NULL,
    "area" TEXT NOT NULL,

    PRIMARY KEY ("entryId", "area"),
    CONSTRAINT "DirectoryEntryArea_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DirectoryEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DirectoryEntryArea_area_entryId_idx" ON "DirectoryEntryArea"("area", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryEdition_year_key" ON "DirectoryEdition"("year");

-- CreateIndex
CREATE INDEX "DirectoryEdition_status_year_idx" ON "DirectoryEdition"("status", "year");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryEntry_editionId_organizationId_key" ON "DirectoryEntry"("editionId", "organizationId");

-- CreateIndex
CREATE INDEX "DirectoryEntry_editionId_status_street_idx" ON "DirectoryEntry"("editionId", "status", "street");

-- CreateIndex
CREATE INDEX "DirectoryEntry_organizationId_createdAt_idx" ON "DirectoryEntry"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "DirectoryEntry_status_submittedAt_idx" ON "DirectoryEntry"("status", "submittedAt");
