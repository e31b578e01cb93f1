#!/usr/bin/env bash
# Started by Playwright's webServer: a fresh throwaway database with the demo
# data, and the built app on $PORT. Never touches data/dev.db.
set -euo pipefail
cd "$(dirname "$0")/.."
db_file="${DATABASE_URL#file:}"
rm -f "$db_file" "$db_file-wal" "$db_file-shm"
rm -rf "${UPLOAD_DIR:?}"
npx tsx scripts/setup-db.ts
# One worker: specs arrange data and assert on one process; several workers are for serving.
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-1}"
exec node server.js
