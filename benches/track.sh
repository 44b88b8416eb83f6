#!/usr/bin/env bash
# Tracking benchmark: the open pixel and click redirects of a release build, side by side in
# the same run with nginx serving the same GIF (and a plain 302) over the same TLS certificate,
# as the machine's limit. Run on demand, not in CI:
#
#   benches/track.sh
#
# 1. Builds the `bench-build` profile (see Cargo.toml) and starts Tidings on an empty data dir
#    (HTTPS with its self-signed certificate, mail to the file outbox).
# 2. Signs in as the first admin, creates a contact who consented to engagement measurement,
#    sends them a campaign with one link and reads the pixel and click URLs from the .eml in
#    the outbox: real signed tokens of a real mailing.
# 3. Starts nginx (Debian's package) on a second port with the same certificate and key,
#    TLS 1.2/1.3 like rustls' safe defaults, one worker per core, keep-alive without a request
#    cap, no access log; it serves the same 43-byte GIF with the same Cache-Control header and
#    answers a second location with a 302, so both servers do the same HTTP work.
# 4. For each of: nginx GIF, Tidings pixel, nginx 302, Tidings click: wrk for DURATION s at
#    CONNECTIONS keep-alive connections (peak), then a paced run at half of that peak rate
#    (wrk's `delay()` hook: each connection waits 10 ms between requests, so CONNECTIONS is
#    chosen as rate/100), reporting requests/s, p50 and p99.
# 5. Waits for the writer's commit window and checks that every hit is in the store: the
#    contact's human opens and clicks (`GET /api/v1/contacts/{id}`, from the same aggregates
#    the reports read) must equal the requests wrk completed.
#
# Targets (issue 5): pixel >= half of nginx's rate and >= 25,000 hits/s per core; clicks
# >= 15,000/s per core; p99 < 10 ms at half of peak load; every hit accounted for.
# The load generator shares the machine's cores with the server, so "per core" is measured as
# answers per CPU-second the server's processes used during the run (from /proc/<pid>/stat),
# for Tidings and for nginx's workers alike.
#
# Needs curl, python3, wrk and nginx (`apt-get install -y wrk nginx-light`).
#
# Environment:
#   PORT=18443 NGINX_PORT=18444   ports on 127.0.0.1 (must be free)
#   DURATION=10                   seconds per run
#   CONNECTIONS=64                connections for the peak runs
#   KEEP=1                        keep the data dir, logs and raw wrk output

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=benches/lib.sh
source benches/lib.sh

PORT=${PORT:-18443}
NGINX_PORT=${NGINX_PORT:-18444}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
ADDR="127.0.0.1:${PORT}"
BASE="https://${ADDR}"
NGINX_BASE="https://127.0.0.1:${NGINX_PORT}"
BENCH_NAME=track.sh
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"

for tool in curl python3 wrk nginx; do
    command -v $tool >/dev/null || [[ -x /usr/sbin/$tool ]] || die "$tool is required (apt-get install -y wrk nginx-light)"
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
port_free "$PORT"
port_free "$NGINX_PORT"

echo "==> cargo build --profile bench-build" >&2
cargo build --profile bench-build
BIN="${CARGO_TARGET_DIR:-target}/bench-build/tidings"
[[ -x $BIN ]] || die "no binary at $BIN"

WORK=$(mktemp -d)
DATA=$(mktemp -d)
SERVER_PID=""
NGINX_PID=""
on_exit() {
    if [[ -n $NGINX_PID ]]; then
        kill "$NGINX_PID" 2>/dev/null || true
    fi
}
trap 'rc=$?; on_exit; cleanup $rc' EXIT
trap 'exit 130' INT TERM

# Opens within this many seconds of delivery count as a mail scanner's; the bench's hits must
# be a person's, so the window is off (the scanner rules by user agent still apply).
export TIDINGS_TRACKING__SCANNER_WINDOW_SECS=0
start_server
sign_in

# --- a real mailing ---------------------------------------------------------------------------

api_ok POST /lists '{"name":"News"}' >/dev/null
contact=$(api_ok POST /contacts '{"email":"reader@example.org","first_name":"Rea","lists":["news"],
    "consents":[{"purpose":"newsletter","granted":true},{"purpose":"engagement","granted":true}]}')
contact_id=$(json_get id <<<"$contact")
campaign=$(api_ok POST /campaigns '{"name":"Bench","subject":"Bench","format":"markdown","lists":["news"],
    "body":"# Sale\n\n[Shop the sale](https://shop.example/sale)"}')
campaign_id=$(json_get campaign.id <<<"$campaign")
api_ok POST "/campaigns/$campaign_id/send" >/dev/null
eml=""
for _ in $(seq 300); do
    eml=$(find "$DATA/outbox" -name '*.eml' 2>/dev/null | head -n 1)
    [[ -n $eml ]] && break
    sleep 0.1
done
[[ -n $eml ]] || die "no message in $DATA/outbox within 30 s"
read -r pixel click < <(python3 - "$eml" <<'PY'
import email, email.policy, re, sys
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
html = msg.get_body(("html",)).get_content()
pixel = re.search(r'"https?://[^"/]+(/o/[^"]+)"', html).group(1)
click = re.search(r'"https?://[^"/]+(/c/[^"]+)"', html).group(1)
print(pixel, click)
PY
)
[[ -n $pixel && -n $click ]] || die "no pixel or click URL in $eml"
echo "==> mailing $campaign_id to $contact_id: pixel $pixel, click $click" >&2

# --- nginx on the same certificate --------------------------------------------------------------

mkdir -p "$WORK/nginx"
printf 'GIF89a\001\000\001\000\200\000\000\000\000\000\377\377\377!\371\004\001\000\000\000\000,\000\000\000\000\001\000\001\000\000\002\002D\001\000;' >"$WORK/nginx/pixel.gif"
[[ $(stat -c %s "$WORK/nginx/pixel.gif") == 43 ]] || die "the GIF is not 43 bytes"
# As root, nginx's workers would run as `nobody`, who cannot read the private work directory.
NGINX_USER=""
(($(id -u) == 0)) && NGINX_USER="user root;"
cat >"$WORK/nginx/nginx.conf" <<EOF
$NGINX_USER
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 75s;
    client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT ssl;
        http2 off;
        ssl_certificate $DATA/tls/cert.pem;
        ssl_certificate_key $DATA/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        location = /pixel.gif {
            root $WORK/nginx;
            default_type image/gif;
            add_header Cache-Control "no-store, no-cache, must-revalidate, private";
            add_header Cross-Origin-Resource-Policy cross-origin;
        }
        location = /redirect { return 302 https://shop.example/sale; }
    }
}
EOF
# nginx 1.22 has no `http2 off` directive (HTTP/2 is off unless `listen ... http2`).
if ! "$NGINX" -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >/dev/null 2>&1; then
    sed -i '/http2 off;/d' "$WORK/nginx/nginx.conf"
    "$NGINX" -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>&1 | tail -n 3 >&2 || true
fi
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >"$WORK/nginx/out.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 100); do
    curl -sk -o /dev/null "$NGINX_BASE/pixel.gif" && break
    sleep 0.05
done
cmp -s <(curl -sk "$NGINX_BASE/pixel.gif") <(curl -sk -A "$UA" "$BASE$pixel") ||
    die "nginx and Tidings do not serve the same GIF"
# Two human opens so far (the comparison above and none other); clicks: none yet.
OPENS=1
CLICKS=0

# --- load ---------------------------------------------------------------------------------------

cat >"$WORK/paced.lua" <<'EOF'
function delay() return 10 end
EOF

# CPU time (user + system, in clock ticks) of the given processes and their threads.
cpu_ticks() {
    local total=0 pid t
    for pid in "$@"; do
        t=$(awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + t))
    done
    echo $total
}
HZ=$(getconf CLK_TCK)

# run <label> <url> <connections> [paced]: appends a row to $WORK/rows, prints
# "<rps> <responses> <errors> <connections> <p50> <answers per CPU-second of the server>".
# The server's processes are $SERVER_PID for Tidings, nginx's workers for nginx.
run() {
    local label=$1 url=$2 conns=$3 paced=${4:-} out rps p50 p99 bad n threads pids ticks per_cpu
    if [[ $url == "$NGINX_BASE"* ]]; then
        mapfile -t pids < <(pgrep -P "$NGINX_PID")
    else
        pids=("$SERVER_PID")
    fi
    ticks=$(cpu_ticks "${pids[@]}")
    threads=$(nproc)
    ((threads <= conns)) || threads=$conns
    local script=()
    [[ -n $paced ]] && script=(-s "$WORK/paced.lua")
    echo "==> $label: ${DURATION}s at $conns connections" >&2
    out=$(wrk -t "$threads" -c "$conns" -d "${DURATION}s" --latency -H "User-Agent: $UA" "${script[@]}" "$url")
    printf '%s\n' "$out" >>"$WORK/wrk.txt"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    n=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(wrk_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(wrk_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
    # `run` is called in a process substitution (a subshell): rows go to a file.
    ticks=$(($(cpu_ticks "${pids[@]}") - ticks))
    per_cpu=$(awk -v n="$n" -v t="$ticks" -v hz="$HZ" 'BEGIN { printf "%.0f", (t > 0 ? n * hz / t : 0) }')
    printf '%-34s %11s %8s %8s %8s %10s %9s %12s\n' "$label" "$rps" "$p50" "$p99" "$bad" "$n" \
        "$(awk -v t="$ticks" -v hz="$HZ" -v d="$DURATION" 'BEGIN { printf "%.2f", t / hz / d }')" "$per_cpu" >>"$WORK/rows"
    echo "$rps $n $bad $conns $p50 $per_cpu"
}

# Connections that, each waiting 10 ms after every answer, offer half of <rate> when an
# answer takes <p50 ms>.
paced_conns() {
    awk -v r="$1" -v l="$2" 'BEGIN { c = int(r / 2 * (10 + l) / 1000 + 0.5); if (c < 4) c = 4; if (c > 2000) c = 2000; print c }'
}

read -r ngx_pix _ _ _ _ ngx_pix_cpu < <(run "nginx GIF (peak)" "$NGINX_BASE/pixel.gif" "$CONNECTIONS")
read -r tdg_pix n bad c p50 tdg_pix_cpu < <(run "Tidings pixel (peak)" "$BASE$pixel" "$CONNECTIONS")
((bad == 0)) || die "the pixel run had $bad errors"
OPENS=$((OPENS + n))
INFLIGHT_OPENS=$c
read -r _ n bad c _ _ < <(run "Tidings pixel (half peak, paced)" "$BASE$pixel" "$(paced_conns "$tdg_pix" "$p50")" paced)
OPENS=$((OPENS + n))
INFLIGHT_OPENS=$((INFLIGHT_OPENS + c))
read -r ngx_302 _ _ _ _ ngx_302_cpu < <(run "nginx 302 (peak)" "$NGINX_BASE/redirect" "$CONNECTIONS")
read -r tdg_click n bad c p50 tdg_click_cpu < <(run "Tidings click (peak)" "$BASE$click" "$CONNECTIONS")
((bad == 0)) || die "the click run had $bad errors"
CLICKS=$((CLICKS + n))
INFLIGHT_CLICKS=$c
read -r _ n bad c _ _ < <(run "Tidings click (half peak, paced)" "$BASE$click" "$(paced_conns "$tdg_click" "$p50")" paced)
CLICKS=$((CLICKS + n))
INFLIGHT_CLICKS=$((INFLIGHT_CLICKS + c))

# --- every hit in the store ---------------------------------------------------------------------

sleep 2 # the writer's commit window is 250 ms; clicks were on disk before their answers
stored=$(api_ok GET "/contacts/$contact_id")
stored_opens=$(json_get activity.opens <<<"$stored")
stored_clicks=$(json_get activity.clicks <<<"$stored")

# --- report ---------------------------------------------------------------------------------------

cores=$(nproc)
echo
echo "Tidings $("$BIN" version | awk '{ print $2 }'), nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), $cores cores shared by server and wrk, TLS (same self-signed cert), keep-alive, ${DURATION}s per run"
echo
printf '%-34s %11s %8s %8s %8s %10s %9s %12s\n' "run" "requests/s" "p50 ms" "p99 ms" "errors" "requests" \
    "cores" "per core-s"
cat "$WORK/rows"
echo
awk -v t="$tdg_pix" -v n="$ngx_pix" -v tc="$tdg_pix_cpu" -v nc="$ngx_pix_cpu" 'BEGIN {
    printf "pixel: %.0f%% of nginx'"'"'s rate (target >= 50%%); %.0f hits per CPU-second of the server (target >= 25,000; nginx %.0f)\n", 100 * t / n, tc, nc }'
awk -v t="$tdg_click" -v n="$ngx_302" -v tc="$tdg_click_cpu" -v nc="$ngx_302_cpu" 'BEGIN {
    printf "click: %.0f%% of nginx'"'"'s 302; %.0f redirects per CPU-second of the server (target >= 15,000; nginx %.0f)\n", 100 * t / n, tc, nc }'
echo "(cores: CPU time the server used over the run's length; per core-s: answers per CPU-second of the server)"
# wrk counts the answers it read; when a run's time is up it drops the requests still in
# flight, which the server may have answered and stored: at most one per connection.
echo "accounted: opens $stored_opens stored for $OPENS answered (+ up to $INFLIGHT_OPENS cut off by wrk)," \
    "clicks $stored_clicks stored for $CLICKS answered (+ up to $INFLIGHT_CLICKS)"
if ((stored_opens < OPENS || stored_clicks < CLICKS)); then
    die "answered hits missing from the store"
fi
if ((stored_opens > OPENS + INFLIGHT_OPENS || stored_clicks > CLICKS + INFLIGHT_CLICKS)); then
    die "more hits stored than were sent"
fi
