import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "./db.server";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// Another process, as in production and in the browser tests: two connections in one process
// would each use their own copy of SQLite (the adapter bundles its own better-sqlite3), and
// SQLite's locks do not separate two copies inside one process.
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");
function insertFromAnotherProcess(file: string) {
  const script = `const D = require(${JSON.stringify(betterSqlite)}); const db = new D(${JSON.stringify(file)}, { timeout: 0 });
try { db.prepare("INSERT INTO t (x) VALUES (1)").run(); console.log("written"); } catch (e) { console.log(e.code); }`;
  return spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout.trim();
}

function walDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yimiao-tx-"));
  dirs.push(dir);
  const file = path.join(dir, "tx.db");
  const setup = new Database(file);
  setup.pragma("journal_mode = WAL");
  setup.exec("CREATE TABLE t (x INTEGER)");
  setup.close();
  return file;
}

describe("interactive transactions", () => {
  it("hold the write lock from the start, so another connection cannot commit under them", async () => {
    const file = walDatabase();
    const client = createClient(`file:${file}`);
    try {
      await client.$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT COUNT(*) FROM t");
        // With a deferred BEGIN this write would succeed and our own write below would then
        // fail with SQLITE_BUSY_SNAPSHOT.
        expect(insertFromAnotherProcess(file)).toBe("SQLITE_BUSY");
        await tx.$executeRawUnsafe("INSERT INTO t (x) VALUES (2)");
      });
      // Once committed, the lock is free again.
      expect(insertFromAnotherProcess(file)).toBe("written");
      const check = new Database(file, { readonly: true });
      expect(check.prepare("SELECT x FROM t ORDER BY x").all()).toEqual([{ x: 1 }, { x: 2 }]);
      check.close();
    } finally {
      await client.$disconnect();
    }
  });
});
