#!/usr/bin/env bash
# npm test: sets up everything the tests need on a fresh machine, then runs
# the typecheck, the vitest suite and the Playwright suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "› Installing ${need_apt[*]} from Debian…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bash scripts/ensure-deps.sh

echo "› Typecheck…"
npx tsc --noEmit

echo "› Format and lint (Prettier, ESLint)…"
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
npx eslint --max-warnings=0 --ext .ts,.tsx,.js,.cjs .

echo "› Unit and integration tests (vitest)…"
npx vitest run

echo "› Building for the browser tests…"
npx remix build >/dev/null

echo "› Browser tests (Playwright, Debian Chromium)…"
npx playwright test
