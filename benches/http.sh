#!/usr/bin/env bash
# HTTP benchmark of a release build of Tidings. Run on demand, not in CI:
#
#   benches/http.sh
#
# Builds `target/release/tidings`, starts it on an empty data directory, measures the cold start
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

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${PORT:-18443}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
ADDR="127.0.0.1:${PORT}"
BASE="https://${ADDR}"

die() {
    echo "http.sh: $*" >&2
    exit 1
}

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

if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
    die "something already listens on ${ADDR}; set PORT to a free port"
fi

echo "==> cargo build --release" >&2
cargo build --release
BIN="${CARGO_TARGET_DIR:-target}/release/tidings"
[[ -x $BIN ]] || die "no binary at $BIN"

WORK=$(mktemp -d)
DATA=$(mktemp -d)
SERVER_PID=""

cleanup() {
    local rc=$?
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if ((rc != 0)); then
        # The server logs to stdout; stderr holds only what went wrong before logging started.
        echo "--- last lines of the server's output ---" >&2
        tail -n 20 "$WORK/server.out" "$WORK/server.err" >&2 2>/dev/null || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "kept: data dir $DATA, logs and cookie jar in $WORK" >&2
    else
        rm -rf "$WORK" "$DATA"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Microseconds since the epoch, without forking (the decimal mark depends on the locale).
now_us() {
    local t=$EPOCHREALTIME
    echo "${t/[.,]/}"
}

healthy() {
    TIDINGS_LISTEN=$ADDR "$BIN" healthcheck --data-dir "$DATA" --timeout 1 >/dev/null 2>&1
}

# --- cold start -----------------------------------------------------------------------------

echo "==> starting $BIN on $ADDR (data dir $DATA)" >&2
start_us=$(now_us)
TIDINGS_JOBS__BACKUP="" "$BIN" serve --data-dir "$DATA" --listen "$ADDR" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
deadline_us=$((start_us + 30000000))
# `tidings healthcheck` generates the self-signed certificate itself when it finds none, which
# would race the server's own generation; so poll for the server's certificate (the `names`
# file is written last) before the first healthcheck. Both polls run every 10 ms.
until [[ -s $DATA/tls/names ]] && healthy; do
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up"
    (($(now_us) < deadline_us)) || die "no healthy answer within 30 s"
    sleep 0.01
done
ready_us=$(now_us)
cold_start_ms=$(awk -v us="$((ready_us - start_us))" 'BEGIN { printf "%.0f", us / 1000 }')
echo "==> healthy after ${cold_start_ms} ms" >&2

# --- an API token, through the first admin's sign-in ---------------------------------------

# The banner with the one-time password is printed right after start-up, maybe just after the
# first healthy answer.
otp=""
for _ in $(seq 500); do
    otp=$(sed -n 's/^    one-time password: //p' "$WORK/server.out")
    [[ -n $otp ]] && break
    sleep 0.01
done
[[ -n $otp ]] || die "the server did not print the first admin's one-time password"
user=$(sed -n 's/^    user name: //p' "$WORK/server.out")
[[ -n $user ]] || die "the server did not print the first admin's user name"

JAR="$WORK/cookies"
web() {
    curl -sS -k -b "$JAR" -c "$JAR" "$@"
}
csrf_of() {
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
# Prints "<status> <redirect target>"; fails unless it is a 303 to a URL ending in $1.
expect_redirect() {
    local want=$1 got
    shift
    got=$(web -o /dev/null -w '%{http_code} %{redirect_url}' "$@")
    [[ $got == "303 "*"$want" ]] || die "expected a redirect to $want, got: $got"
}

csrf=$(web "$BASE/login" | csrf_of)
[[ -n $csrf ]] || die "no csrf field on /login"
expect_redirect /account/password \
    --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" --data-urlencode "password=$otp" \
    --data-urlencode "next=/" "$BASE/login"

password="bench passphrase $RANDOM-$RANDOM-$RANDOM"
csrf=$(web "$BASE/account/password" | csrf_of)
[[ -n $csrf ]] || die "no csrf field on /account/password"
expect_redirect "/?ok=password_changed" \
    --data-urlencode "csrf=$csrf" --data-urlencode "current=$otp" --data-urlencode "new=$password" \
    --data-urlencode "confirm=$password" "$BASE/account/password"

csrf=$(web "$BASE/" | csrf_of)
[[ -n $csrf ]] || die "no csrf field on / (not signed in?)"
api() {
    web -H "X-CSRF-Token: $csrf" -H "Content-Type: application/json" "$@"
}

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

# "1.23ms", "612.00us", "1.02s" -> milliseconds.
wrk_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000
        else if (v ~ /ms$/) n = n
        else if (v ~ /s$/) n *= 1000
        else if (v ~ /m$/) n *= 60000
        printf "%.2f", n
    }'
}

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
