#!/usr/bin/env bash
# Runs search_page.test.mjs: run.sh INDEXER SEARCHD BUILD_DIR. Exit 77 = skipped (ctest SKIP).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
indexer="$1" searchd="$2" build="$3"
chromium="${CHROMIUM:-/usr/bin/chromium}"

skip() { echo "SKIPPED: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (scripts/setup installs nodejs)"
command -v npm >/dev/null || skip "npm is not installed"
[ -x "$chromium" ] || skip "$chromium is not installed (scripts/setup installs chromium)"

# playwright-core, exactly as pinned, beside the build; reinstalled when the lockfile changes.
modules="$build/npm"
mkdir -p "$modules"
if ! cmp -s "$here/package-lock.json" "$modules/package-lock.json" ||
   [ ! -d "$modules/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$modules/"
  (cd "$modules" && npm ci --no-audit --no-fund --loglevel=error) ||
    skip "npm ci could not install playwright-core (is the npm registry reachable?)"
fi

export NEWSDEX_NPM_DIR="$modules"
exec node "$here/search_page.test.mjs" "$indexer" "$searchd" "$build/screenshots" "$chromium"
