#!/usr/bin/env bash
# Contacts benchmark: bulk import, prefix search over HTTP, and memory, at a million contacts.
# Run on demand, not in CI (a full run takes several minutes and a few GB of disk):
#
#   benches/contacts.sh                 # 1,000,000 rows, plus 200,000 to compare peak RSS
#   ROWS=200000 benches/contacts.sh     # quicker
#
# 1. Builds the `bench-build` profile (see Cargo.toml).
# 2. Generates a CSV of ROWS contacts (email, first and last name with some non-ASCII, a +49
#    phone number, tags and a column nothing maps, which the import ignores) and one of
#    SMALL_ROWS, plus ~2,000 prefix queries taken from the generated names and addresses.
# 3. Imports each into a fresh data dir with `tidings import` (offline: no server runs) under
#    `/usr/bin/time -v`: rows/s from the wall time (the CLI returns once the search index has
#    committed every row, so indexing is included), peak RSS, and disk bytes per contact
#    (`du -sb` of db/ and search/). A sampler records RSS and per-thread CPU time meanwhile.
# 4. Serves the big data dir over plain HTTP, signs in as the first admin, creates an API
#    token, waits until the server is quiet (it merges the imported index's segments in the
#    background after start-up), and times `GET /api/v1/contacts?q=<prefix>&limit=20` for every query: at
#    concurrency 1 with a keep-alive Python client, then at CONCURRENCY connections with wrk
#    (or the Python client in as many processes when wrk is missing).
# 5. Reads the server's RSS (anon and file-backed apart) after start, once quiet, after the
#    searches and after IDLE_WAIT more seconds.
# 6. Prints every figure beside its target.
#
# Targets (from the issue): import >= 40,000 rows/s (listmonk: ~6,500-7,000 rows/s on this
# machine); peak import RSS < 300 MB and flat in the file size; search p99 < 20 ms at 1M;
# idle RSS with 1M contacts < 200 MB. MB here is 10^6 bytes.
#
# Needs python3, curl and GNU time (/usr/bin/time); wrk is used when installed
# (`apt-get install -y wrk`). Client and server share the machine's cores.
#
# Environment:
#   ROWS=1000000        contacts in the big file
#   SMALL_ROWS=ROWS/5   contacts in the small file (0 skips it)
#   QUERIES=2000        prefix queries
#   CONCURRENCY=8       connections for the concurrent run
#   DURATION=20         seconds of the concurrent run (wrk)
#   IDLE_WAIT=20        seconds idle before the idle RSS reading
#   SETTLE_MAX=300      longest wait for the server to go quiet (background merges) before searching
#   PORT=18480          port on 127.0.0.1 (must be free)
#   TMPDIR              where files and data dirs go (needs ~3.5 KB per row: 3.7 GB at 1M)
#   KEEP=1              keep the CSVs, data dirs and logs

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROWS=${ROWS:-1000000}
SMALL_ROWS=${SMALL_ROWS:-$((ROWS / 5))}
QUERIES=${QUERIES:-2000}
CONCURRENCY=${CONCURRENCY:-8}
DURATION=${DURATION:-20}
IDLE_WAIT=${IDLE_WAIT:-20}
SETTLE_MAX=${SETTLE_MAX:-300}
PORT=${PORT:-18480}
ADDR="127.0.0.1:${PORT}"
BASE="http://${ADDR}"

die() {
    echo "contacts.sh: $*" >&2
    exit 1
}
say() {
    echo "==> $*" >&2
}

command -v python3 >/dev/null || die "python3 is required"
command -v curl >/dev/null || die "curl is required"
[[ -x /usr/bin/time ]] || die "GNU time is required at /usr/bin/time (apt-get install -y time)"
((ROWS > 0)) || die "ROWS must be positive"
if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
    die "something already listens on ${ADDR}; set PORT to a free port"
fi

# Not `--release`: its fat LTO over one codegen unit takes ~8 minutes per rebuild on 2 cores,
# mostly in one thread. bench-build (Cargo.toml) inherits release with thin LTO over 16 units,
# which keeps both cores busy; same opt-level and panic strategy, slightly different inlining.
say "cargo build --profile bench-build"
cargo build --profile bench-build
BIN="${CARGO_TARGET_DIR:-target}/bench-build/tidings"
[[ -x $BIN ]] || die "no binary at $BIN"

WORK=$(mktemp -d)
SERVER_PID=""
SAMPLER_PID=""

cleanup() {
    local rc=$?
    if [[ -n $SAMPLER_PID ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then
        kill "$SAMPLER_PID" 2>/dev/null || true
    fi
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if ((rc != 0)) && [[ -f $WORK/server.out ]]; then
        echo "--- last lines of the server's output ---" >&2
        tail -n 20 "$WORK/server.out" "$WORK/server.err" >&2 2>/dev/null || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_us() {
    local t=$EPOCHREALTIME
    echo "${t/[.,]/}"
}
# KiB -> MB (10^6 bytes), one decimal.
kib_mb() {
    awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'
}
rss_kib() {
    awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}
# "<anon> <file>" in KiB: heap (sled's cache, tantivy's writer) apart from mapped files
# (tantivy mmaps its segments), which count in RSS but are page cache the kernel can drop.
rss_split() {
    awk '$1 == "RssAnon:" { a = $2 } $1 == "RssFile:" { f = $2 } END { print a + 0, f + 0 }' \
        "/proc/$1/status" 2>/dev/null || echo "0 0"
}
# "<total MB> <anon MB> <file MB>" for a pid, from one reading.
rss_mb() {
    awk '$1 == "VmRSS:" { t = $2 } $1 == "RssAnon:" { a = $2 } $1 == "RssFile:" { f = $2 }
        END { printf "%.1f %.1f %.1f\n", t * 1024 / 1e6, a * 1024 / 1e6, f * 1024 / 1e6 }' "/proc/$1/status"
}
# "yes"/"NO" for a figure against a bound: meets <value> <lt|ge> <bound>
meets() {
    awk -v v="$1" -v op="$2" -v b="$3" 'BEGIN {
        ok = (op == "lt") ? (v + 0 < b + 0) : (v + 0 >= b + 0)
        print ok ? "yes" : "NO"
    }'
}

# --- the helper: data generation, sign-in, latency client ------------------------------------

cat >"$WORK/bench.py" <<'PY'
import http.client, json, math, multiprocessing, random, re, sys, time, urllib.parse

FIRST = ("Anna Maria Lena Lea Emma Mia Hannah Sophie Laura Julia Sarah Lisa Katharina Johanna "
         "Clara Marie Charlotte Greta Paula Ida Frieda Zoë Renée Chloé Inès Jördis Dörte Ayşe "
         "Małgorzata Agnieszka Søs Åsa Björk Anaïs Lucía Núria Ingrid Sabine Petra Ursula "
         "Lukas Leon Paul Jonas Felix Maximilian Elias Noah Ben Luis Finn Tim Jan Niklas Moritz "
         "Jürgen Jörg Björn Sören Günter Hans Klaus Stefan Thomas Michael Andreas Markus Peter "
         "Frank Uwe Dirk Mehmet Ömer Çağrı Łukasz Paweł Jiří Tomáš José François Jérôme Søren "
         "Øystein Håkon Mikołaj Nikolaj Dmitrij Ioannis Adrián Raúl Giuseppe").split()
COMMON_LAST = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
               "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun "
               "Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid "
               "Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang "
               "Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger "
               "Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter "
               "Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich "
               "Brandt Haas Schreiber Graf Dietrich Ziegler Kühn Pohl Engel Horn Busch Bergmann "
               "Nowak Kowalski Wiśniewski Dvořák Yılmaz Öztürk Kaya Demir García Fernández López "
               "Rossi Bianchi Dubois Lefèvre Sørensen Ødegaard Ångström Nguyễn Papadopoulos").split()
SYL = ("ber brand dorf el en feld ha hau heim hol horn kamp kirch ko la lin ling ma mann mei "
       "ner ni ober pe ra rich ro sch sta stein ter thal un vo wald we wer wie zel zu").split()
END = "er mann hoff inger ke ler ner s sen stedt berg rath bach".split()
FREEMAIL = ("gmail.com web.de gmx.de gmx.net t-online.de outlook.com hotmail.de yahoo.de "
            "icloud.com posteo.de mailbox.org freenet.de aol.com protonmail.com").split()
FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe", "å": "aa", "æ": "ae",
                      "ł": "l", "ş": "s", "ç": "c", "ğ": "g", "ı": "i", "ř": "r", "ś": "s", "ễ": "e"})
TAGS = ["customer", "newsletter-2024", "trade-fair", "b2b", "vip", "webinar", "shop", "event-berlin"]
MOBILE = ["151", "152", "157", "159", "160", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"]
AREA = ["30", "40", "89", "221", "69", "711", "211", "201", "231", "421", "351", "511"]


def ascii_local(s):
    import unicodedata
    s = s.lower().translate(FOLD)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", s) or "x"


def gen(rows, path, queries_out, n_queries, seed):
    rnd = random.Random(seed)
    # A long tail of made-up surnames, as real lists have, beside the common ones.
    tail = sorted({(rnd.choice(SYL) + rnd.choice(SYL) + rnd.choice(END)).capitalize() for _ in range(40000)})
    companies = sorted({rnd.choice(SYL) + rnd.choice(SYL) + rnd.choice(["-gmbh.de", ".de", "-ag.com", ".eu", ".io"])
                        for _ in range(3000)})
    seen = set()
    words = {"first": [], "last": [], "local": [], "domain": []}
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("email,first_name,last_name,phone,tags,customer_no\n")
        for i in range(rows):
            first = rnd.choice(FIRST)
            last = rnd.choice(COMMON_LAST) if rnd.random() < 0.6 else rnd.choice(tail)
            f, l = ascii_local(first), ascii_local(last)
            style = rnd.random()
            if style < 0.35:
                local = f"{f}.{l}"
            elif style < 0.55:
                local = f"{f[0]}.{l}"
            elif style < 0.75:
                local = f"{f}{l}{rnd.randint(1, 99)}"
            elif style < 0.9:
                local = f"{l}_{f}"
            else:
                local = f"{f}{rnd.randint(1950, 2009)}"
            domain = rnd.choice(FREEMAIL) if rnd.random() < 0.7 else rnd.choice(companies)
            email = f"{local}@{domain}"
            while email in seen:
                local += str(rnd.randint(0, 9))
                email = f"{local}@{domain}"
            seen.add(email)
            p = rnd.random()
            if p < 0.5:
                phone = f"+49 {rnd.choice(MOBILE)} {rnd.randint(1000000, 9999999)}{rnd.randint(0, 9)}"
            elif p < 0.7:
                phone = f"+49{rnd.choice(MOBILE)}{rnd.randint(10000000, 99999999)}"
            elif p < 0.8:
                phone = f"+49 {rnd.choice(AREA)} {rnd.randint(100000, 9999999)}"
            else:
                phone = ""
            t = rnd.random()
            tags = "" if t < 0.3 else rnd.choice(TAGS) if t < 0.85 else f'"{rnd.choice(TAGS)},{rnd.choice(TAGS)}"'
            out.write(f"{email},{first},{last},{phone},{tags},K-{i:08d}\n")
            if i < 200000:
                words["first"].append(first)
                words["last"].append(last)
                words["local"].append(local)
                words["domain"].append(domain)
    with open(queries_out, "w") as q:
        for _ in range(n_queries):
            kind = rnd.choices(["first", "last", "local", "domain"], [30, 30, 25, 15])[0]
            w = rnd.choice(words[kind])
            text = w[: rnd.randint(1, min(6, len(w)))]
            if rnd.random() < 0.3:
                text = text.lower()
            q.write("/api/v1/contacts?q=" + urllib.parse.quote(text, safe="") + "&limit=20\n")


class Session:
    """Cookies by hand: the server's cookies are Secure (__Host-), which cookie jars do not send
    over plain HTTP."""

    def __init__(self, host, port):
        self.c = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies = {}

    def req(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.c.request(method, path, body=body, headers=h)
        r = self.c.getresponse()
        data = r.read().decode("utf-8", "replace")
        for v in r.headers.get_all("Set-Cookie") or []:
            name, _, rest = v.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in v.lower() or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return r.status, r.getheader("Location") or "", data

    def form(self, path, fields):
        return self.req("POST", path, urllib.parse.urlencode(fields),
                        {"Content-Type": "application/x-www-form-urlencoded"})


def csrf(page):
    m = re.search(r'name="csrf" value="([^"]*)"', page)
    if not m:
        sys.exit("no csrf field on the page")
    return m.group(1)


def token(host, port, user, otp, scopes):
    s = Session(host, port)
    _, _, page = s.req("GET", "/login")
    st, loc, _ = s.form("/login", {"csrf": csrf(page), "username": user, "password": otp, "next": "/"})
    if st != 303 or not loc.endswith("/account/password"):
        sys.exit(f"sign-in: expected a redirect to /account/password, got {st} {loc}")
    pw = f"bench passphrase {random.randrange(10**12)}"
    _, _, page = s.req("GET", "/account/password")
    st, loc, _ = s.form("/account/password", {"csrf": csrf(page), "current": otp, "new": pw, "confirm": pw})
    if st != 303:
        sys.exit(f"password change: expected 303, got {st} {loc}")
    _, _, page = s.req("GET", "/")
    body = json.dumps({"name": "contacts bench", "scopes": scopes.split(",")})
    st, _, data = s.req("POST", "/api/v1/tokens", body,
                        {"Content-Type": "application/json", "X-CSRF-Token": csrf(page)})
    if st not in (200, 201):
        sys.exit(f"POST /api/v1/tokens answered {st}: {data[:300]}")
    print(json.loads(data)["token"])


def run_paths(host, port, auth, paths):
    c = http.client.HTTPConnection(host, port, timeout=60)
    lat, bad, totals = [], {}, []
    for p in paths:
        n = len(urllib.parse.unquote(p.split("q=", 1)[1].split("&", 1)[0]))
        t0 = time.perf_counter()
        c.request("GET", p, headers={"Authorization": auth})
        r = c.getresponse()
        data = r.read()
        lat.append((time.perf_counter() - t0, n))
        if r.status != 200:
            bad[r.status] = bad.get(r.status, 0) + 1
        else:
            m = re.search(rb'"total"\s*:\s*(\d+)', data)
            if m:
                totals.append((int(m.group(1)), n))
    return lat, bad, totals


def _worker(args):
    return run_paths(*args)


def latency(host, port, auth, paths_file, concurrency, warmup):
    paths = [l.strip() for l in open(paths_file) if l.strip()]
    run_paths(host, port, auth, paths[:warmup])
    t0 = time.perf_counter()
    if concurrency == 1:
        parts = [run_paths(host, port, auth, paths)]
    else:
        shards = [(host, port, auth, paths[i::concurrency]) for i in range(concurrency)]
        with multiprocessing.Pool(concurrency) as pool:
            parts = pool.map(_worker, shards)
    wall = time.perf_counter() - t0
    pairs = [x for p in parts for x in p[0]]
    lat = sorted(x for x, _ in pairs)
    bad = {}
    for p in parts:
        for k, v in p[1].items():
            bad[k] = bad.get(k, 0) + v
    all_totals = [t for p in parts for t in p[2]]
    totals = [t for t, _ in all_totals]

    def pct(q, xs=lat):  # nearest rank
        return xs[max(0, math.ceil(q / 100 * len(xs)) - 1)] * 1000

    # By characters typed: one letter matches a large share of the contacts.
    by_len = {}
    for n in sorted({n for _, n in pairs}):
        xs = sorted(x for x, m in pairs if m == n)
        ts = sorted(t for t, m in all_totals if m == n)
        by_len[n] = {"n": len(xs), "p50": round(pct(50, xs), 2), "p99": round(pct(99, xs), 2),
                     "median_total": ts[len(ts) // 2] if ts else None}

    print(json.dumps({
        "requests": len(lat), "rps": len(lat) / wall, "p50": pct(50), "p90": pct(90), "p99": pct(99),
        "max": lat[-1] * 1000, "mean": sum(lat) / len(lat) * 1000, "errors": sum(bad.values()),
        "statuses": bad, "median_total": sorted(totals)[len(totals) // 2] if totals else None,
        "by_length": by_len,
    }))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "gen":
        gen(int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    elif cmd == "token":
        token(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6])
    elif cmd == "latency":
        latency(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7]))
PY
PY() {
    python3 "$WORK/bench.py" "$@"
}

# Other work on the machine (a build, say) skews every figure here: show the load as each phase
# starts.
# Before each measured step: the generated files are written out (their dirty pages would
# otherwise be flushed during the import it times) and the machine is let go quiet (under 10%
# of both cores over 2 s, at most 60 s): the data generator keeps both cores busy until just
# before the first import, whose figure it lowered by several percent.
load() {
    local a b c d e f g h t0 i0 t1 i1 waited=0
    sync
    while ((waited < 60)); do
        read -r _ a b c d e f g h _ </proc/stat
        t0=$((a + b + c + d + e + f + g + h)) i0=$((d + e))
        sleep 2
        read -r _ a b c d e f g h _ </proc/stat
        t1=$((a + b + c + d + e + f + g + h)) i1=$((d + e))
        waited=$((waited + 2))
        (((t1 - t0) - (i1 - i0) < (t1 - t0) / 10)) && break
    done
    say "load average $(cut -d' ' -f1-3 /proc/loadavg) after ${waited} s of waiting for a quiet machine, before: $*"
}

# --- data ------------------------------------------------------------------------------------

say "generating $ROWS rows (and $SMALL_ROWS) and $QUERIES prefix queries in $WORK"
PY gen "$ROWS" "$WORK/big.csv" "$WORK/queries.txt" "$QUERIES" 1
if ((SMALL_ROWS > 0)); then
    PY gen "$SMALL_ROWS" "$WORK/small.csv" /dev/null 0 2
fi

# --- import ----------------------------------------------------------------------------------

# Records the importer's RSS and each thread's CPU time every second, to tell where the time
# goes. Threads come and go (tantivy starts some per commit, the indexer is stopped before the
# end), so each thread's last reading counts, and threads are then summed by name.
sample() {
    local pid=$1 out=$2 t0 hz
    t0=$(now_us)
    hz=$(getconf CLK_TCK)
    while kill -0 "$pid" 2>/dev/null; do
        echo "$((($(now_us) - t0) / 1000000)) $(rss_kib "$pid") $(rss_split "$pid")" >>"$out.rss"
        # "tid (comm) state ..." where comm may hold spaces; utime and stime are fields 14-15.
        # One awk over every thread's stat file: a process per thread per second (a sed each)
        # cost the import it measures several percent of a core.
        awk -v hz="$hz" '{
            open_at = index($0, " ("); close_at = match($0, /\) [A-Za-z] /)
            if (!open_at || !close_at) next
            split(substr($0, close_at + 2), f, " ")
            printf "%s\t%s\t%.2f\n", substr($0, 1, open_at - 1), substr($0, open_at + 2, close_at - open_at - 2),
                (f[12] + f[13]) / hz
        }' /proc/"$pid"/task/*/stat 2>/dev/null >>"$out.threads" || true
        sleep 1
    done
}
# Prints the CPU seconds of each thread name (top 8) from a sample file.
thread_cpu() {
    awk -F'\t' '{ last[$1] = $3; name[$1] = $2 } END { for (t in last) cpu[name[t]] += last[t]
        for (n in cpu) printf "%-20s %8.1f\n", n, cpu[n] }' "$1" | sort -k2 -n -r | head -n 8
}

# Segments in a data dir's search index (more segments, more work per query).
segments() {
    find "$1/search" -maxdepth 1 -type f -printf '%f\n' | grep -oE '^[0-9a-f]{32}' | sort -u | wc -l
}
SEGMENTS=0
# Segments the server has mapped, i.e. what its searcher still reads (old ones stay mapped until
# the reader reloads, whatever the directory holds).
mapped_segments() {
    grep -oE "/search/[0-9a-f]{32}\." "/proc/$1/maps" | sort -u | wc -l
}

# run_import <label> <csv> <rows>: fills the arrays below under <label>.
declare -A RPS PEAK WALL CPU CPU_US DISK_DB DISK_SEARCH PER_CONTACT
run_import() {
    local label=$1 csv=$2 rows=$3 data="$WORK/data-$1" t0 t1 time_pid pid rc=0
    mkdir -p "$data"
    load "the $label import"
    say "importing $rows rows ($label) into $data"
    t0=$(now_us)
    /usr/bin/time -v -o "$WORK/time-$label" "$BIN" import "$csv" --data-dir "$data" \
        --purpose newsletter --collected "contacts benchmark, generated data" \
        >"$WORK/import-$label.out" 2>"$WORK/import-$label.err" &
    time_pid=$!
    pid=""
    for _ in $(seq 200); do
        pid=$(pgrep -P "$time_pid" || true)
        [[ -n $pid ]] && break
        sleep 0.01
    done
    if [[ -n $pid ]]; then
        sample "$pid" "$WORK/sample-$label" &
        SAMPLER_PID=$!
    fi
    wait "$time_pid" || rc=$?
    t1=$(now_us)
    if [[ -n $SAMPLER_PID ]]; then
        wait "$SAMPLER_PID" 2>/dev/null || true
        SAMPLER_PID=""
    fi
    ((rc == 0)) || {
        cat "$WORK/import-$label.out" "$WORK/import-$label.err" >&2
        die "the import ($label) failed"
    }
    cat "$WORK/import-$label.out" >&2
    grep -q " $rows created" "$WORK/import-$label.out" ||
        echo "    warning: not every row was created (see above)" >&2
    WALL[$label]=$(awk -v us="$((t1 - t0))" 'BEGIN { printf "%.1f", us / 1e6 }')
    RPS[$label]=$(awk -v r="$rows" -v us="$((t1 - t0))" 'BEGIN { printf "%.0f", r / (us / 1e6) }')
    PEAK[$label]=$(kib_mb "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time-$label")")
    CPU[$label]=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } /Percent of CPU/ { p = $2 }
        END { printf "%.0f s user, %.0f s system, %s of a core", u, s, p }' "$WORK/time-$label")
    CPU_US[$label]=$(awk -F': ' -v r="$rows" '/User time/ { u = $2 } /System time/ { s = $2 }
        END { printf "%.0f", (u + s) * 1e6 / r }' "$WORK/time-$label")
    DISK_DB[$label]=$(du -sb "$data/db" | cut -f1)
    DISK_SEARCH[$label]=$(du -sb "$data/search" | cut -f1)
    PER_CONTACT[$label]=$(((DISK_DB[$label] + DISK_SEARCH[$label]) / rows))
    [[ $label != big ]] || SEGMENTS=$(segments "$data")
    say "$label: ${WALL[$label]} s, ${RPS[$label]} rows/s, peak RSS ${PEAK[$label]} MB (${CPU[$label]})"
    if [[ -s $WORK/sample-$label.threads ]]; then
        echo "    CPU seconds by thread name (sampled every second):" >&2
        thread_cpu "$WORK/sample-$label.threads" | sed 's/^/      /' >&2
    fi
    if [[ -s $WORK/sample-$label.rss ]]; then
        # About ten evenly spaced samples, to show whether memory grows with the rows read.
        echo "    RSS over time (s: MB): $(awk -v n="$(wc -l <"$WORK/sample-$label.rss")" '
            BEGIN { step = int(n / 10) + 1 }
            (NR - 1) % step == 0 || NR == n { printf "%s: %.0f  ", $1, $2 * 1024 / 1e6 }' "$WORK/sample-$label.rss")" >&2
        echo "    at the highest sample: $(sort -k2 -n "$WORK/sample-$label.rss" | tail -n 1 |
            awk '{ printf "%.0f MB anon + %.0f MB file-backed", $3 * 1024 / 1e6, $4 * 1024 / 1e6 }')" >&2
    fi
}

run_import big "$WORK/big.csv" "$ROWS"
if ((SMALL_ROWS > 0)); then
    run_import small "$WORK/small.csv" "$SMALL_ROWS"
    [[ ${KEEP:-0} == 1 ]] || rm -rf "$WORK/data-small" "$WORK/small.csv"
fi
[[ ${KEEP:-0} == 1 ]] || rm -f "$WORK/big.csv"

# --- serve and search ------------------------------------------------------------------------

DATA="$WORK/data-big"
load "the searches"
say "starting $BIN on $BASE (data dir $DATA)"
start_us=$(now_us)
TIDINGS_TLS__MODE=off TIDINGS_LISTEN=$ADDR TIDINGS_JOBS__BACKUP="" \
    "$BIN" serve --data-dir "$DATA" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
deadline_us=$((start_us + 120000000))
until curl -sf -o /dev/null "$BASE/healthz"; do
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up"
    (($(now_us) < deadline_us)) || die "no healthy answer within 120 s"
    sleep 0.02
done
ready_ms=$((($(now_us) - start_us) / 1000))
read -r rss_start anon file < <(rss_mb "$SERVER_PID")
say "healthy after ${ready_ms} ms, RSS $rss_start MB ($anon anon + $file file-backed)"
if grep -q "search index" "$WORK/server.out"; then
    echo "    the index was not complete when the import returned:" >&2
    grep "search index" "$WORK/server.out" | sed 's/^/      /' >&2
fi

otp=""
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
token=$(PY token 127.0.0.1 "$PORT" "$user" "$otp" "view_contacts,view_personal_data") ||
    die "could not create an API token"
AUTH="Bearer $token"

probe="/api/v1/contacts?q=$(sed -n 's/.*q=\([^&]*\).*/\1/p;q' "$WORK/queries.txt")&limit=20"
status=$(curl -sS -o "$WORK/probe.json" -w '%{http_code}' -H "Authorization: $AUTH" "$BASE$probe")
[[ $status == 200 ]] || die "GET $probe answered $status: $(head -c 300 "$WORK/probe.json")"

jget() {
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"
}

# The server merges the segments an offline import left, in the background after start-up; on
# 2 cores that competes with the searches. Measure the steady state: wait until the server
# uses under 5% of a core over 5 s, and report how long that took.
cpu_ticks() {
    awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat"
}
segments_before=$(segments "$DATA")
settle_start=$(now_us)
hz=$(getconf CLK_TCK)
prev=$(cpu_ticks "$SERVER_PID")
while :; do
    sleep 5
    cur=$(cpu_ticks "$SERVER_PID")
    (((cur - prev) * 100 < hz * 5 * 5)) && break
    prev=$cur
    if (($(now_us) - settle_start > SETTLE_MAX * 1000000)); then
        echo "    still busy after ${SETTLE_MAX} s; measuring anyway" >&2
        break
    fi
done
settle_s=$((($(now_us) - settle_start) / 1000000))
segments_after=$(segments "$DATA")
say "server quiet after ${settle_s} s; search segments ${segments_before} -> ${segments_after}" \
    "on disk, $(mapped_segments "$SERVER_PID") mapped by the server"
read -r rss_settled anon file < <(rss_mb "$SERVER_PID")
say "RSS when quiet: $rss_settled MB ($anon anon + $file file-backed)"

say "search at concurrency 1: $QUERIES queries (after 100 to warm up)"
PY latency 127.0.0.1 "$PORT" "$AUTH" "$WORK/queries.txt" 1 100 >"$WORK/lat-1.json"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("    p50 %(p50).2f, p90 %(p90).2f, p99 %(p99).2f, max %(max).2f ms over %(requests)d requests" % d)
print("    by characters typed: length, queries, p50 ms, p99 ms, median matches")
for n, v in d["by_length"].items():
    print("      %s %6d %8.2f %8.2f %10s" % (n, v["n"], v["p50"], v["p99"], v["median_total"]))
' "$WORK/lat-1.json" >&2

if command -v wrk >/dev/null; then
    CONC_TOOL="wrk, ${DURATION} s"
    cat >"$WORK/cycle.lua" <<'LUA'
-- Each thread walks the query list from its own offset.
local threads = 0
function setup(thread)
    thread:set("offset", threads * 997)
    threads = threads + 1
end
local paths = {}
local i = 0
function init(args)
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    i = offset % #paths
end
function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT %d %.1f %.3f %.3f %.3f %.3f %d\n", summary.requests,
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
    threads=$(nproc)
    ((threads <= CONCURRENCY)) || threads=$CONCURRENCY
    say "search at concurrency $CONCURRENCY: wrk for ${DURATION} s cycling through the queries"
    wrk -t "$threads" -c "$CONCURRENCY" -d "${DURATION}s" --timeout 10s -H "Authorization: $AUTH" \
        -s "$WORK/cycle.lua" "$BASE" -- "$WORK/queries.txt" >"$WORK/wrk.out"
    grep -q '^RESULT' "$WORK/wrk.out" || die "wrk printed no result: $(cat "$WORK/wrk.out")"
    read -r _ n rps p50 p90 p99 max errs < <(grep '^RESULT' "$WORK/wrk.out")
    printf '{"requests": %s, "rps": %s, "p50": %s, "p90": %s, "p99": %s, "max": %s, "errors": %s}\n' \
        "$n" "$rps" "$p50" "$p90" "$p99" "$max" "$errs" >"$WORK/lat-n.json"
else
    CONC_TOOL="python, $CONCURRENCY processes"
    say "search at concurrency $CONCURRENCY (no wrk: $CONCURRENCY Python processes)"
    PY latency 127.0.0.1 "$PORT" "$AUTH" "$WORK/queries.txt" "$CONCURRENCY" 0 >"$WORK/lat-n.json"
fi
cat "$WORK/lat-n.json" >&2
read -r rss_after_search anon file < <(rss_mb "$SERVER_PID")
say "RSS after the searches: $rss_after_search MB ($anon anon + $file file-backed)"

say "idle for ${IDLE_WAIT} s"
sleep "$IDLE_WAIT"
read -r rss_idle anon file < <(rss_mb "$SERVER_PID")
rss_idle_line="$rss_idle MB ($anon anon + $file file-backed)"
say "RSS idle: $rss_idle_line"
hwm=$(kib_mb "$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$SERVER_PID/status")")

# --- report ----------------------------------------------------------------------------------

fmt() {
    printf '%-50s %16s %16s %6s\n' "$@"
}
L() {
    jget "$WORK/lat-$1.json" "$2" | awk '{ printf "%.2f", $1 }'
}
echo
# The build takes the working tree as it is, edits by others included.
rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock 2>/dev/null | wc -l)
echo "Tidings $("$BIN" version | awk '{ print $2 }') at $rev ($dirty changed files under src/ and Cargo.*)," \
    "profile bench-build, $(nproc) cores," \
    "$ROWS contacts, $(wc -l <"$WORK/queries.txt") prefix queries of 1-6 characters, HTTP (no TLS)"
echo
fmt "figure" "measured" "target" "met"
fmt "import, $ROWS rows (rows/s, wall ${WALL[big]} s)" "${RPS[big]}" ">= 40000" "$(meets "${RPS[big]}" ge 40000)"
if ((SMALL_ROWS > 0)); then
    fmt "import, $SMALL_ROWS rows (rows/s, wall ${WALL[small]} s)" "${RPS[small]}" ">= 40000" \
        "$(meets "${RPS[small]}" ge 40000)"
fi
# 2 cores at 40,000 rows/s leave 50 µs of CPU per row, for every thread together.
fmt "import CPU per row, all threads (µs)" "${CPU_US[big]}" "<= 50 implied" "$(meets "${CPU_US[big]}" lt 50.5)"
fmt "peak RSS during import, $ROWS rows (MB)" "${PEAK[big]}" "< 300" "$(meets "${PEAK[big]}" lt 300)"
if ((SMALL_ROWS > 0)); then
    fmt "peak RSS during import, $SMALL_ROWS rows (MB)" "${PEAK[small]}" "< 300, flat" \
        "$(meets "${PEAK[small]}" lt 300)"
fi
fmt "disk per contact, db + search (bytes)" "${PER_CONTACT[big]}" "-" ""
fmt "  db/ (sled), search/ (tantivy) (MB)" \
    "$(awk -v a="${DISK_DB[big]}" -v b="${DISK_SEARCH[big]}" 'BEGIN { printf "%.0f + %.0f", a / 1e6, b / 1e6 }')" "-" ""
fmt "search p50 / p90, concurrency 1 (ms)" "$(L 1 p50) / $(L 1 p90)" "-" ""
fmt "search p99, concurrency 1 (ms)" "$(L 1 p99)" "< 20" "$(meets "$(L 1 p99)" lt 20)"
fmt "search max, concurrency 1 (ms)" "$(L 1 max)" "-" ""
fmt "search p50 / p90, concurrency $CONCURRENCY (ms)" "$(L n p50) / $(L n p90)" "-" ""
fmt "search p99, concurrency $CONCURRENCY (ms)" "$(L n p99)" "< 20" "$(meets "$(L n p99)" lt 20)"
fmt "search max, concurrency $CONCURRENCY (ms)" "$(L n max)" "-" ""
fmt "search throughput, concurrency 1 / $CONCURRENCY (req/s)" "$(L 1 rps) / $(L n rps)" "-" ""
fmt "server start to healthy, $ROWS contacts (ms)" "$ready_ms" "-" ""
fmt "server RSS after start (MB)" "$rss_start" "-" ""
fmt "wait until the server was quiet (merging) (s)" "$settle_s" "-" ""
fmt "server RSS once quiet, before searching (MB)" "$rss_settled" "-" ""
fmt "server RSS after the searches (MB)" "$rss_after_search" "-" ""
fmt "server RSS idle ${IDLE_WAIT} s later (MB)" "$rss_idle" "< 200" "$(meets "$rss_idle" lt 200)"
fmt "server peak RSS (VmHWM) (MB)" "$hwm" "-" ""
echo
echo "Idle RSS: $rss_idle_line; file-backed pages are tantivy's mmapped segments." \
    "Search index segments: $SEGMENTS when the import returned, $segments_after once the server was quiet," \
    "$(segments "$DATA") at the end ($(mapped_segments "$SERVER_PID") mapped by the server)."
echo "MB = 10^6 bytes. Import CPU: ${CPU[big]}. Concurrent run: $CONC_TOOL;" \
    "errors: $(L 1 errors | cut -d. -f1) at concurrency 1, $(L n errors | cut -d. -f1) at $CONCURRENCY."
