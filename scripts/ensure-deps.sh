#!/usr/bin/env bash
# Installs npm dependencies when they are missing or older than the lock file,
# and generates the Prisma client. Shared by start.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ] || [ ! -x node_modules/.bin/patch-package ]; then
  echo "› Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

# The fixes in patches/ (decision 030) apply after every install; an applied patch is left as it is.
node_modules/.bin/patch-package --error-on-fail >/dev/null

echo "› Generating the Prisma client…"
npx prisma generate >/dev/null
