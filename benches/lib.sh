# Shared by the benchmark scripts that drive a real server (http.sh, track.sh); sourced, not run.
# The caller sets BENCH_NAME, BIN, ADDR, BASE, WORK and DATA, and calls `cleanup $rc` from its
# EXIT trap.

die() {
    echo "${BENCH_NAME:-bench}: $*" >&2
    exit 1
}

# Microseconds since the epoch, without forking (the decimal mark depends on the locale).
now_us() {
    local t=$EPOCHREALTIME
    echo "${t/[.,]/}"
}

port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$1; choose another port"
    fi
}

# Stops the server and removes the work and data directories (unless KEEP=1); prints the
# server's last lines when the script failed.
cleanup() {
    local rc=${1:-0}
    if [[ -n ${SERVER_PID:-} ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
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

healthy() {
    TIDINGS_LISTEN=$ADDR "$BIN" healthcheck --data-dir "$DATA" --timeout 1 >/dev/null 2>&1
}

# Starts `$BIN serve` on an empty data dir over HTTPS and waits until it is healthy; sets
# SERVER_PID and cold_start_ms (launch to first healthy answer).
start_server() {
    echo "==> starting $BIN on $ADDR (data dir $DATA)" >&2
    local start_us deadline_us ready_us
    start_us=$(now_us)
    TIDINGS_JOBS__BACKUP="" "$BIN" serve --data-dir "$DATA" --listen "$ADDR" >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    deadline_us=$((start_us + 30000000))
    # `tidings healthcheck` generates the self-signed certificate itself when it finds none,
    # which would race the server's own generation; so poll for the server's certificate (the
    # `names` file is written last) before the first healthcheck. Both polls run every 10 ms.
    until [[ -s $DATA/tls/names ]] && healthy; do
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up"
        (($(now_us) < deadline_us)) || die "no healthy answer within 30 s"
        sleep 0.01
    done
    ready_us=$(now_us)
    cold_start_ms=$(awk -v us="$((ready_us - start_us))" 'BEGIN { printf "%.0f", us / 1000 }')
    echo "==> healthy after ${cold_start_ms} ms" >&2
}

# A session of the first admin, through the sign-in pages: `web` is curl with its cookie jar,
# `api` adds the CSRF header the JSON API wants from a session.
web() {
    curl -sS -k -b "$WORK/cookies" -c "$WORK/cookies" "$@"
}
csrf_of() {
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
# Fails unless the request answers a 303 to a URL ending in $1.
expect_redirect() {
    local want=$1 got
    shift
    got=$(web -o /dev/null -w '%{http_code} %{redirect_url}' "$@")
    [[ $got == "303 "*"$want" ]] || die "expected a redirect to $want, got: $got"
}
api() {
    web -H "X-CSRF-Token: $csrf" -H "Content-Type: application/json" "$@"
}
# api_ok <method> <path under /api/v1> [json]: prints the answer; dies with it unless 2xx.
api_ok() {
    local method=$1 path=$2 out
    local data=()
    (($# > 2)) && data=(--data "$3")
    out=$(api -X "$method" "${data[@]}" -w '\n%{http_code}' "$BASE/api/v1$path") || die "$method $path: no answer"
    [[ ${out##*$'\n'} == 2* ]] || die "$method $path answered ${out##*$'\n'}: ${out%$'\n'*}"
    printf '%s\n' "${out%$'\n'*}"
}

# Signs in with the one-time password the server printed, sets a new password; sets `user` and
# `csrf`.
sign_in() {
    local otp="" password
    # The banner with the one-time password is printed right after start-up, maybe just after
    # the first healthy answer.
    for _ in $(seq 500); do
        otp=$(sed -n 's/^    one-time password: //p' "$WORK/server.out")
        # Off a terminal the server prints no banner: the password is in a 0600 file (890a0c5).
        [[ -z $otp && -s $DATA/first-admin-password ]] && otp=$(head -n 1 "$DATA/first-admin-password")
        [[ -n $otp ]] && break
        sleep 0.01
    done
    [[ -n $otp ]] || die "the server did not print the first admin's one-time password"
    user=$(sed -n 's/^    user name: //p' "$WORK/server.out")
    [[ -n $user ]] || user=$(sed -n 's/.* first_admin="\([^"]*\)".*/\1/p' "$WORK/server.out" | head -n 1)
    [[ -n $user ]] || die "the server did not print the first admin's user name"

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
}

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

# A value from the JSON on stdin by a dotted path: `json_get campaign.id`.
json_get() {
    python3 -c '
import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[k]
print(v)' "$1"
}
