-- The directory's name search (issue #19 item 12) looks names up by character
-- pairs through an index instead of scanning Organization with LIKE '%…%'.

-- CreateTable
CREATE TABLE "OrganizationNameGram" (
    "gram" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    PRIMARY KEY ("gram", "organizationId")
);

-- CreateIndex
CREATE INDEX "OrganizationNameGram_organizationId_idx" ON "OrganizationNameGram"("organizationId");

-- CreateTable
CREATE TABLE "NameGramPosition" (
    "n" INTEGER NOT NULL PRIMARY KEY
);

-- Positions 1..200 (MAX_INDEXED_NAME_LENGTH in name-search.ts).
WITH RECURSIVE "p"("n") AS (SELECT 1 UNION ALL SELECT "n" + 1 FROM "p" WHERE "n" < 200)
INSERT INTO "NameGramPosition" ("n") SELECT "n" FROM "p";

-- The grams of a name: each pair of adjacent characters of the normalized name
-- (ASCII lower case, spaces dropped: normalizeSearchText), and its last character alone.
CREATE TRIGGER "Organization_name_grams_insert" AFTER INSERT ON "Organization" BEGIN
  INSERT OR IGNORE INTO "OrganizationNameGram" ("gram", "organizationId")
  SELECT substr(replace(replace(lower(NEW."name"), ' ', ''), '　', ''), p."n", 2), NEW."id"
  FROM "NameGramPosition" p
  WHERE p."n" <= length(replace(replace(NEW."name", ' ', ''), '　', ''));
END;

CREATE TRIGGER "Organization_name_grams_update" AFTER UPDATE OF "name", "id" ON "Organization" BEGIN
  DELETE FROM "OrganizationNameGram" WHERE "organizationId" = OLD."id";
  INSERT OR IGNORE INTO "OrganizationNameGram" ("gram", "organizationId")
  SELECT substr(replace(replace(lower(NEW."name"), ' ', ''), '　', ''), p."n", 2), NEW."id"
  FROM "NameGramPosition" p
  WHERE p."n" <= length(replace(replace(NEW."name", ' ', ''), '　', ''));
END;

CREATE TRIGGER "Organization_name_grams_delete" AFTER DELETE ON "Organization" BEGIN
  DELETE FROM "OrganizationNameGram" WHERE "organizationId" = OLD."id";
END;

-- The organizations already there.
INSERT OR IGNORE INTO "OrganizationNameGram" ("gram", "organizationId")
SELECT substr(replace(replace(lower(o."name"), ' ', ''), '　', ''), p."n", 2), o."id"
FROM "Organization" o
JOIN "NameGramPosition" p ON p."n" <= length(replace(replace(o."name", ' ', ''), '　', ''));
