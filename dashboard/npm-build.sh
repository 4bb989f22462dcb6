#!/usr/bin/env bash
# Called by Maven (exec-maven-plugin): installs the locked npm packages when node_modules does not match the lock
# file, then bundles (build) or runs the client-side unit tests (test). Needs Node.js 18+ and npm on the PATH.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "dashboard: npm (Node.js 18+) is needed to build the dashboard" >&2; exit 1; }
if ! cmp -s package-lock.json node_modules/.package-lock.json.copy 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.copy
fi
case "${1:-build}" in
  build) node build.mjs "${2:-target/classes/web}" ;;
  test) node --test test/ ;;
  *) echo "usage: npm-build.sh build [outDir] | test" >&2; exit 2 ;;
esac
