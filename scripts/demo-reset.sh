#!/usr/bin/env bash
# npm run demo:reset: throws the demo database and its uploads away and seeds a new one
# for today (every demo date is computed from the day the seed runs; SEED_TODAY=YYYY-MM-DD
# seeds the world of another day). Then `npm start` serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
db_file="${DATABASE_URL#file:}"
rm -f "$db_file" "$db_file-wal" "$db_file-shm"
rm -rf "${UPLOAD_DIR:-data/uploads}"
npx tsx scripts/setup-db.ts
