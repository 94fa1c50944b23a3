#!/usr/bin/env bash
# What the browser tests (deploy/local/src/test/.../WebPageBrowserTests) need, installed where missing:
# Debian's chromium and chromium-driver, and axe-core (the npm package pinned in package-lock.json here)
# into a cache outside the repository. Prints the path of axe.min.js on its last line; the tests read it
# from STACKPLAN_AXE_SCRIPT, else from the default cache below.
#
# Usage: deploy/local/browser/install.sh    (STACKPLAN_BROWSER_CACHE overrides the cache directory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
# shellcheck source=deploy/ops/lib.sh
. deploy/ops/lib.sh

ensure_commands chromium:chromium chromedriver:chromium-driver node:nodejs npm:npm

cache=${STACKPLAN_BROWSER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stackplan-browser}
mkdir -p "$cache"
cp "$here/package.json" "$here/package-lock.json" "$cache/"
lock_hash=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$cache/node_modules/.stackplan-lock" 2>/dev/null)" != "$lock_hash" ]; then
	echo "installing axe-core into $cache" >&2
	(cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >&2)
	echo "$lock_hash" >"$cache/node_modules/.stackplan-lock"
fi
test -s "$cache/node_modules/axe-core/axe.min.js"
echo "$cache/node_modules/axe-core/axe.min.js"
