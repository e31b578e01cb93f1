// npm run restore <backup folder>: checks every checksum in the backup's manifest and refuses a
// copy that does not match, then restores the database (DATABASE_URL) and the uploads folder
// (UPLOAD_DIR). Stop the app first: a running server keeps the old file open.
import path from "node:path";
import { databaseFile, restoreBackup, uploadDir } from "./backup-lib";

const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run restore <backup folder>   (stop the app first)");
  process.exit(2);
}
try {
  restoreBackup({ backup: path.resolve(backup), database: databaseFile(), uploads: uploadDir() });
  console.log(`› Restored ${databaseFile()} and ${uploadDir()} from ${path.resolve(backup)}.`);
  console.log("  The previous files are kept beside them as *.before-restore-<time>. Start the app again.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
