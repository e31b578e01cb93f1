#!/usr/bin/env bash
# npm run serve: production server for an app that is already installed and
# built (npm ci && npm run build). Applies pending migrations, never seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_ENV=production
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
npx prisma migrate deploy
exec node server.js
