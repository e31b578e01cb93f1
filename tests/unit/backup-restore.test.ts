// npm run backup / restore (scripts/backup/): a backup taken while another process writes holds
// every write acknowledged before it started and every file those writes name; it restores into
// a fresh folder with an intact audit chain; a tampered copy is refused; old copies are pruned.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { verifyAuditChain } from "~/modules/audit/chain.server";
import { createClient, prisma } from "~/utils/db.server";
import { pruneBackups, restoreBackup, takeBackup, verifyBackup } from "../../scripts/backup/backup-lib";
import { TEST_DATA_DIR } from "../setup/paths";

const database = process.env.DATABASE_URL!.replace(/^file:/, "");
const uploads = process.env.UPLOAD_DIR!;

function freshDir(name: string) {
  const dir = path.join(TEST_DATA_DIR, `${name}-${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

test("a backup during a stream of writes restores every acknowledged write and file; a tampered one is refused", async () => {
  await prisma.$disconnect();
  const root = freshDir("backups");
  const acked: string[] = [];
  const writer = spawn("npx", ["tsx", "tests/support/backup-writer.ts", "60"], { env: process.env });
  const exited = new Promise<number | null>((resolve) => writer.on("exit", resolve));
  let buffered = "";
  let ackedAtStart: string[] | null = null;
  let backup: Promise<string> | null = null;
  writer.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith("ack ")) acked.push(line.slice(4));
    // Start the backup in the middle of the stream.
    if (!backup && acked.length >= 20) {
      ackedAtStart = [...acked];
      backup = takeBackup({ database, uploads, backupRoot: root });
    }
  });
  expect(await exited).toBe(0);
  expect(backup).not.toBeNull();
  const folder = await backup!;
  expect(verifyBackup(folder)).toEqual([]);

  const target = freshDir("restored");
  const restoredDb = path.join(target, "data", "yimiao.db");
  const restoredUploads = path.join(target, "uploads");
  restoreBackup({ backup: folder, database: restoredDb, uploads: restoredUploads });

  const db = new Database(restoredDb, { readonly: true });
  const rows = db
    .prepare(`SELECT "entityId", "reason" FROM "AuditEvent" WHERE "action" = 'attachment.upload'`)
    .all() as { entityId: string; reason: string }[];
  db.close();
  const restored = new Set(rows.map((r) => r.entityId));
  for (const name of ackedAtStart!) expect(restored.has(name), `${name} was acknowledged before the backup`).toBe(true);
  for (const row of rows) {
    const file = path.join(restoredUploads, row.entityId);
    expect(fs.existsSync(file), `${row.entityId} is named by a restored row`).toBe(true);
    expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(row.reason);
  }
  const client = createClient(`file:${restoredDb}`);
  try {
    expect(await verifyAuditChain(client)).toMatchObject({ intact: true, length: rows.length });
  } finally {
    await client.$disconnect();
  }

  // One byte changed in one file: refused, and nothing is touched.
  const victim = path.join(folder, "uploads", ackedAtStart![0]);
  fs.appendFileSync(victim, "x");
  expect(verifyBackup(folder)).toEqual([`uploads/${ackedAtStart![0]} does not match its checksum`]);
  const untouched = freshDir("refused");
  expect(() =>
    restoreBackup({ backup: folder, database: path.join(untouched, "db"), uploads: path.join(untouched, "up") }),
  ).toThrow(/Backup refused, nothing was restored/);
  expect(fs.readdirSync(untouched)).toEqual([]);
}, 120_000);

test("only the newest BACKUP_KEEP complete backups are kept", async () => {
  await prisma.$disconnect();
  const root = freshDir("keep");
  const day = (d: number) => new Date(Date.UTC(2026, 11, d, 2));
  for (const d of [1, 2, 3]) await takeBackup({ database, uploads, backupRoot: root, now: day(d) });
  fs.mkdirSync(path.join(root, "yimiao-20261204T020000Z.partial"));
  expect(pruneBackups(root, 2)).toEqual(["yimiao-20261201T020000Z"]);
  expect(fs.readdirSync(root).sort()).toEqual([
    "yimiao-20261202T020000Z",
    "yimiao-20261203T020000Z",
    "yimiao-20261204T020000Z.partial",
  ]);
});
