#!/usr/bin/env bash
# HTTP benchmark of a release build of Tidings. Run on demand, not in CI:
#
#   benches/http.sh
#
# Builds `target/$PROFILE/tidings` (release by default), starts it on an empty data directory, measures the cold start
# (launch to first healthy `tidings healthcheck`), signs in as the first admin to create an API
# token, then drives each endpoint for DURATION seconds at CONNECTIONS connections with oha (if
# installed) or wrk, and prints requests/s and p50/p99 latency per endpoint.
#
# Needs curl and one of: oha (`cargo install oha --locked`, read with jq) or wrk
# (`apt-get install -y wrk`). The load generator runs on the same machine as the server, so the
# figures are for both sharing the cores.
#
# Environment:
#   PORT=18443       port on 127.0.0.1 (must be free)
#   DURATION=10      seconds per endpoint
#   CONNECTIONS=32   concurrent connections (keep-alive)
#   TOOL=oha|wrk     force a load generator
#   KEEP=1           keep the data directory, the server's logs and the raw load reports
#   PROFILE=release  the cargo profile to build (bench-build rebuilds faster; see Cargo.toml)

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${PORT:-18443}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
ADDR="127.0.0.1:${PORT}"
BASE="https://${ADDR}"

# shellcheck source=benches/lib.sh
source benches/lib.sh
BENCH_NAME=http.sh

command -v curl >/dev/null || die "curl is required"

TOOL=${TOOL:-}
if [[ -z $TOOL ]]; then
    if command -v oha >/dev/null; then
        TOOL=oha
    elif command -v wrk >/dev/null; then
        TOOL=wrk
    else
        die "no load generator: install wrk (apt-get install -y wrk) or oha (cargo install oha --locked)"
    fi
fi
case $TOOL in
    oha)
        command -v oha >/dev/null || die "oha is not installed (cargo install oha --locked)"
        command -v jq >/dev/null || die "oha's JSON report is read with jq (apt-get install -y jq)"
        ;;
    wrk) command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)" ;;
    *) die "TOOL must be oha or wrk, not '$TOOL'" ;;
esac
port_free "$PORT"

PROFILE=${PROFILE:-release}
echo "==> cargo build --profile $PROFILE" >&2
cargo build --profile "$PROFILE"
BIN="${CARGO_TARGET_DIR:-target}/$PROFILE/tidings"
[[ -x $BIN ]] || die "no binary at $BIN"

WORK=$(mktemp -d)
DATA=$(mktemp -d)
SERVER_PID=""
trap 'cleanup $?' EXIT
trap 'exit 130' INT TERM

# --- cold start, and an API token through the first admin's sign-in --------------------------

start_server
sign_in

# A full page for `limit=20`: each settings change is one audit entry (start-up, sign-in and
# the password change made a handful already).
for i in $(seq 25); do
    api -o /dev/null -f -X PUT --data "{\"organisation\":\"Bench $i\"}" "$BASE/api/v1/settings" ||
        die "PUT /api/v1/settings failed"
done

created=$(api -f --data '{"name":"bench","scopes":["view_audit","view_dashboard"]}' "$BASE/api/v1/tokens") ||
    die "POST /api/v1/tokens failed"
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$created")
[[ -n $token ]] || die "no token in: $created"
AUTH="Authorization: Bearer $token"

status=$(curl -sS -k -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/api/v1/audit?limit=20")
[[ $status == 200 ]] || die "GET /api/v1/audit with the token answered $status"
entries=$(curl -sS -k -H "$AUTH" "$BASE/api/v1/audit?limit=20" | grep -o '"seq":' | wc -l)
echo "==> signed in as $user, token created; /api/v1/audit?limit=20 returns $entries entries" >&2

# --- load -----------------------------------------------------------------------------------

OHA_FORMAT=()
if [[ $TOOL == oha ]]; then
    help=$(oha --help 2>&1 || true)
    if [[ $help == *--output-format* ]]; then
        OHA_FORMAT=(--output-format json)
    else
        OHA_FORMAT=(-j)
    fi
fi
WRK_THREADS=$(nproc)
((WRK_THREADS <= CONNECTIONS)) || WRK_THREADS=$CONNECTIONS

ROWS=()
# bench <label> <path> [header]
bench() {
    local label=$1 path=$2 status out rps p50 p99 bad
    local headers=()
    if (($# > 2)); then
        headers=(-H "$3")
    fi
    # Never measure an error page: the endpoint must answer 200 first.
    status=$(curl -sS -k -o /dev/null -w '%{http_code}' "${headers[@]}" "$BASE$path")
    [[ $status == 200 ]] || die "$label answered $status before the run"
    echo "==> $label: ${DURATION}s at $CONNECTIONS connections ($TOOL)" >&2
    if [[ $TOOL == oha ]]; then
        out=$(oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --insecure "${OHA_FORMAT[@]}" "${headers[@]}" "$BASE$path")
        rps=$(jq -r '.summary.requestsPerSec | . * 10 | round / 10' <<<"$out")
        p50=$(jq -r '.latencyPercentiles.p50 * 1000 | . * 100 | round / 100' <<<"$out")
        p99=$(jq -r '.latencyPercentiles.p99 * 1000 | . * 100 | round / 100' <<<"$out")
        bad=$(jq -r '[.statusCodeDistribution | to_entries[] | select(.key | test("^[23]") | not) | .value] | add // 0' <<<"$out")
    else
        out=$(wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency "${headers[@]}" "$BASE$path")
        rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
        p50=$(wrk_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
        p99=$(wrk_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
        bad=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
    fi
    printf '%s\n' "$out" >"$WORK/run-$((${#ROWS[@]} + 1)).$TOOL"
    ROWS+=("$(printf '%-30s %12s %10s %10s %8s' "$label" "$rps" "$p50" "$p99" "$bad")")
}

bench "GET /healthz" /healthz
bench "GET /login" /login
bench "GET /static/app.css" /static/app.css
bench "GET /api/v1/audit?limit=20" "/api/v1/audit?limit=20" "$AUTH"

# --- report ---------------------------------------------------------------------------------

echo
echo "Tidings $("$BIN" version | awk '{ print $2 }'), $(nproc) cores, $TOOL, ${CONNECTIONS} connections, ${DURATION}s per endpoint, TLS (self-signed), keep-alive"
echo
printf '%-30s %12s %10s %10s %8s\n' "endpoint" "requests/s" "p50 ms" "p99 ms" "errors"
printf '%s\n' "${ROWS[@]}"
echo
echo "cold start (launch on an empty data dir to first healthy healthcheck): ${cold_start_ms} ms"
echo "(errors: responses other than 2xx/3xx, plus socket errors with wrk)"
