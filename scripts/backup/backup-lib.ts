// Backup and restore of the SQLite database and the uploads folder (issue #18). The database is
// copied with SQLite's online backup API (better-sqlite3's db.backup()), which reads a consistent
// snapshot through the WAL while the app keeps serving; copying the file would lose what is still
// in the WAL. Uploads are copied after the snapshot: a file is written before the row that names
// it commits, so every file the snapshot refers to already exists when the folder is copied.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const MANIFEST = "manifest.json";
const DB_NAME = "database.sqlite";
const UPLOADS = "uploads";

export type ManifestEntry = { path: string; bytes: number; sha256: string };
export type Manifest = {
  format: "yimiao-backup-1";
  createdAt: string;
  database: ManifestEntry;
  uploads: ManifestEntry[];
};

export function databaseFile(url = process.env.DATABASE_URL ?? "file:./data/dev.db") {
  return path.resolve(url.replace(/^file:/, ""));
}

export function uploadDir() {
  return path.resolve(process.env.UPLOAD_DIR ?? path.join("data", "uploads"));
}

function sha256File(file: string) {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under dir, as paths relative to it with forward slashes, sorted. */
function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return listFiles(path.join(dir, e.name), rel);
      return e.isFile() ? [rel] : [];
    })
    .sort();
}

function entry(root: string, rel: string): ManifestEntry {
  const full = path.join(root, rel);
  return { path: rel, bytes: fs.statSync(full).size, sha256: sha256File(full) };
}

/** PRAGMA integrity_check on a database file; throws unless it answers "ok". */
export function checkIntegrity(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const answer = rows.map((r) => r.integrity_check).join("; ");
    if (answer !== "ok") throw new Error(`integrity_check failed for ${file}: ${answer}`);
  } finally {
    db.close();
  }
}

/**
 * Takes one backup into a new folder under backupRoot and returns its path. The folder is
 * written as "<name>.partial" and renamed when complete, so an interrupted run never looks
 * like a backup.
 */
export async function takeBackup(opts: { database: string; uploads: string; backupRoot: string; now?: Date }) {
  const stamp = (opts.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const final = path.join(opts.backupRoot, `yimiao-${stamp}`);
  const partial = `${final}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });

  const source = new Database(opts.database, { fileMustExist: true });
  try {
    await source.backup(path.join(partial, DB_NAME));
  } finally {
    source.close();
  }
  checkIntegrity(path.join(partial, DB_NAME));

  const uploadsCopy = path.join(partial, UPLOADS);
  fs.mkdirSync(uploadsCopy);
  for (const rel of listFiles(opts.uploads)) {
    const to = path.join(uploadsCopy, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(opts.uploads, rel), to);
  }

  const manifest: Manifest = {
    format: "yimiao-backup-1",
    createdAt: new Date().toISOString(),
    database: entry(partial, DB_NAME),
    uploads: listFiles(uploadsCopy).map((rel) => entry(uploadsCopy, rel)),
  };
  fs.writeFileSync(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  fs.renameSync(partial, final);
  return final;
}

/** Keeps the newest `keep` complete backups under backupRoot; returns the folders removed. */
export function pruneBackups(backupRoot: string, keep: number) {
  if (!fs.existsSync(backupRoot)) return [];
  const complete = fs
    .readdirSync(backupRoot)
    .filter((name) => /^yimiao-\d{8}T\d{6}Z$/.test(name) && fs.existsSync(path.join(backupRoot, name, MANIFEST)))
    .sort();
  const old = complete.slice(0, Math.max(0, complete.length - keep));
  for (const name of old) fs.rmSync(path.join(backupRoot, name), { recursive: true, force: true });
  return old;
}

/** Every problem with a backup folder: checksum or size mismatches, missing or extra files. */
export function verifyBackup(backup: string): string[] {
  const manifestFile = path.join(backup, MANIFEST);
  if (!fs.existsSync(manifestFile)) return [`${MANIFEST} is missing`];
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== "yimiao-backup-1") return [`unknown backup format ${String(manifest.format)}`];
  const problems: string[] = [];
  const check = (root: string, expected: ManifestEntry, label: string) => {
    const full = path.join(root, expected.path);
    if (!fs.existsSync(full)) return problems.push(`${label} is missing`);
    const actual = entry(root, expected.path);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256)
      problems.push(`${label} does not match its checksum`);
  };
  check(backup, manifest.database, manifest.database.path);
  const uploadsCopy = path.join(backup, UPLOADS);
  for (const e of manifest.uploads) check(uploadsCopy, e, `${UPLOADS}/${e.path}`);
  const listed = new Set(manifest.uploads.map((e) => e.path));
  for (const rel of listFiles(uploadsCopy))
    if (!listed.has(rel)) problems.push(`${UPLOADS}/${rel} is not in the manifest`);
  return problems;
}

/**
 * Restores a verified backup over the database file and the uploads folder (the app must be
 * stopped). What was there before is kept beside them as "*.before-restore-<time>".
 */
export function restoreBackup(opts: { backup: string; database: string; uploads: string; now?: Date }) {
  const problems = verifyBackup(opts.backup);
  if (problems.length) throw new Error(`Backup refused, nothing was restored:\n- ${problems.join("\n- ")}`);
  checkIntegrity(path.join(opts.backup, DB_NAME));

  const stamp = (opts.now ?? new Date()).toISOString().replace(/[-:.]/g, "");
  const aside = (p: string) => `${p}.before-restore-${stamp}`;

  // Copy next to the targets first, so the switch is two renames.
  fs.mkdirSync(path.dirname(opts.database), { recursive: true });
  const dbTmp = `${opts.database}.restoring`;
  fs.copyFileSync(path.join(opts.backup, DB_NAME), dbTmp);
  const uploadsTmp = `${opts.uploads}.restoring`;
  fs.rmSync(uploadsTmp, { recursive: true, force: true });
  fs.cpSync(path.join(opts.backup, UPLOADS), uploadsTmp, { recursive: true });

  if (fs.existsSync(opts.database)) fs.renameSync(opts.database, aside(opts.database));
  for (const suffix of ["-wal", "-shm"]) {
    if (fs.existsSync(opts.database + suffix)) fs.renameSync(opts.database + suffix, aside(opts.database) + suffix);
  }
  fs.renameSync(dbTmp, opts.database);
  if (fs.existsSync(opts.uploads)) fs.renameSync(opts.uploads, aside(opts.uploads));
  fs.renameSync(uploadsTmp, opts.uploads);
}
