#!/usr/bin/env bash
# npm start: install if needed, migrate and seed the embedded SQLite database,
# build, and serve on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
npx tsx scripts/setup-db.ts
echo "› Building…"
npx remix build >/dev/null
export NODE_ENV=production
# Served over plain http on localhost, so the cookie cannot be Secure here.
export INSECURE_COOKIES="${INSECURE_COOKIES:-1}"
exec node server.js
