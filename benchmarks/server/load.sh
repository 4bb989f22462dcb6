#!/usr/bin/env bash
# Loopback load test of the API server, bounded in time: GET /api/v1/jobs/{id} with an API key, then idempotent
# POST /api/v1/jobs replays (same key, same body: 200 and the same job), with wrk (Debian package `wrk`).
#
#   benchmarks/server/load.sh [postgres|embedded] [seconds=30] [connections=64]
#
# postgres: PostgreSQL (127.0.0.1:5432, database test, a scratch schema) + Redis (127.0.0.1:6379), i.e. the
# production assembly; embedded: H2 + in-process limits. The rate limits are raised so that they count every
# request (the limiter still runs) but never refuse one. Prints wrk's reports; docs/benchmarks.md has the figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kind=${1:-postgres}
secs=${2:-30}
conns=${3:-64}
port=${LIVE_BENCH_PORT:-18500}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d)
schema="live_bench_$$"
cleanup() {
  [ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ "$kind" = postgres ]; then psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/server.json" <<JSON
{"limits": {"key_per_minute": 1000000, "ip_per_minute": 1000000}, "jobs": {"local_workers": 1}}
JSON
env_vars=(LIVE_DATA="$work/data")
if [ "$kind" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres test -c "CREATE SCHEMA $schema" >/dev/null
  env_vars+=(LIVE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" LIVE_DB_USER=postgres
             LIVE_REDIS_URL=redis://127.0.0.1:6379)
fi
env "${env_vars[@]}" "$root/live" serve --port "$port" --config "$work/server.json" >"$work/out" 2>"$work/err" &
server_pid=$!
for _ in $(seq 1 120); do grep -q '^live: serving' "$work/out" && break; sleep 0.5; done
grep -q '^live: serving' "$work/out" || { echo "load.sh: the server did not start:" >&2; tail -20 "$work/err" >&2; exit 1; }
key=$(sed -n 's/^LIVE_API_KEY=//p' "$work/out")
url="http://127.0.0.1:$port"
body='{"simulation":{"preset":"miller-urey","particles":100,"steps":100,"seed":1},"idempotency_key":"bench-replay"}'
job=$(curl -sf "$url/api/v1/jobs" -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$body" \
      | sed -n 's/.*"job_id":"\([^"]*\)".*/\1/p')
# the job must have finished (its simulation and analysis would compete for the two cores), and the JIT must have
# seen the routes: a 10 s warm-up run that is not reported
for _ in $(seq 1 120); do
  curl -s "$url/api/v1/jobs/$job" -H "X-API-Key: $key" | grep -q '"status":"succeeded"' && break; sleep 0.5
done
wrk -t2 -c"$conns" -d10s -H "X-API-Key: $key" "$url/api/v1/jobs/$job" >/dev/null
echo "== $kind: $(nproc) cores, $conns connections, ${secs} s each; job $job"

echo "== GET /api/v1/jobs/{id} (API key)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -H "X-API-Key: $key" "$url/api/v1/jobs/$job"

cat > "$work/replay.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$key"
LUA
echo "== POST /api/v1/jobs (idempotent replay: 200, same job)"
wrk -t2 -c"$conns" -d10s -s "$work/replay.lua" "$url/api/v1/jobs" >/dev/null   # warm-up, not reported
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/replay.lua" "$url/api/v1/jobs"
jobs=$(curl -s "$url/api/v1/jobs?limit=100" -H "X-API-Key: $key" | grep -o '"job_id"' | wc -l)
echo "== jobs of the user after the replays: $jobs (must be 1)"
