import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";
import { BASE_DB_FILE, TEST_DATA_DIR, workerDbFile } from "./paths";

// Each vitest worker has its own SQLite file, reset from the migrated base
// before every test, so tests never see each other's rows.
const dbFile = workerDbFile(process.env.VITEST_POOL_ID ?? "0");
process.env.DATABASE_URL = `file:${dbFile}`;
process.env.UPLOAD_DIR = path.join(TEST_DATA_DIR, `uploads-${process.env.VITEST_POOL_ID ?? "0"}`);
process.env.SESSION_SECRET = "vitest-session-secret";

function resetDbFile() {
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(BASE_DB_FILE, dbFile);
}

resetDbFile();

beforeEach(async () => {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  resetDbFile();
});

afterAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});
