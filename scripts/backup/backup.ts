// npm run backup: a consistent copy of the database (SQLite online backup, safe while the app
// serves) and the uploads folder, with a manifest of SHA-256 checksums, checked with
// integrity_check; keeps the newest BACKUP_KEEP copies (default 7) under BACKUP_DIR (default backups/).
import path from "node:path";
import { databaseFile, pruneBackups, takeBackup, uploadDir } from "./backup-lib";

const backupRoot = path.resolve(process.env.BACKUP_DIR ?? "backups");
const keep = Number(process.env.BACKUP_KEEP ?? 7);
if (!Number.isInteger(keep) || keep < 1)
  throw new Error(`BACKUP_KEEP must be a whole number ≥ 1, not ${process.env.BACKUP_KEEP}`);

const folder = await takeBackup({ database: databaseFile(), uploads: uploadDir(), backupRoot });
console.log(`› Backup written to ${folder}`);
for (const old of pruneBackups(backupRoot, keep)) console.log(`› Removed old backup ${old}`);
