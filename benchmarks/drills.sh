#!/usr/bin/env bash
# The full reliability drills of docs/reliability.md, in one command: every `live drill` (live drill all: workers,
# server, deps, races, replays, hostile, fuzz, sse, tenancy, urls) with its defaults, then the S3 store's faults
# (S3FaultsTest's full form: it needs S3Mock, a test dependency, so it is a Maven test rather than a live drill).
# Exits non-zero when either fails. About 30 minutes on 2 cores. Drill 3 (deps) needs root; drill 5's SSE part
# needs `ulimit -n` of 11000 or more (raised here when the hard limit allows).
# Usage: benchmarks/drills.sh [DIR]     (evidence in DIR/<drill>; default: a new temporary directory, kept)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d -t live-drills-XXXX)}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
status=0
"$root/live" drill all --dir "$dir" || status=$?
echo
echo "=== S3 artifact store faults (S3FaultsTest, full form) ==="
# through ./live test, which picks the JDK as every live command does
"$root/live" test -q -pl orchestrator-awsbatch -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=S3FaultsTest -Dlive.s3drill.rounds=10 -Dlive.s3drill.steps=20000 || status=$?
echo
[ "$status" -eq 0 ] && echo "verified: every drill and the S3 store's faults" || echo "NOT VERIFIED: see above"
exit "$status"
