//! What a template can take from the server's memory, measured: each hostile template is
//! prepared and rendered in a process of its own (this test binary, started again with the
//! case's number), which reports its peak resident memory (`VmHWM`) against its resident memory
//! just before (`VmRSS`). The figure the code is held to is the one `src/mail/sandbox.rs`
//! argues: under 64 MB per rendering.
//!
//! A binary of its own, apart from the integration tests: the peak is the whole process's, so
//! nothing else may run in it.

// The allocator the server binary uses, tuned as it tunes it (src/main.rs), so the figures are
// the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::Command;

use serde_json::json;
use tidings::mail::{BodyFormat, CampaignSource, Limits, PreparedCampaign, SystemLinks};

/// The stated figure.
const LIMIT_MIB: f64 = 64.0;

/// (what it does, the body; `{{ content }}` is the layout). Sizes are chosen so that without
/// the sandbox's limits each takes between about 100 MB and 1 GB, never more: the test must
/// fail, not take the machine down, when the limits are missing.
fn cases() -> Vec<(&'static str, String)> {
    let nest = format!("{{% set x = [1] %}}{}", "{% set x = [x, x] %}".repeat(24));
    let names = |prefix: &str, n: usize, each: &str| -> String {
        (0..n).map(|i| format!("{{% set {prefix}{i} = {each} %}}")).collect()
    };
    vec![
        (
            "the review's: 50 MB by repetition, then doubled three times",
            "{% set a='x'*50000000 %}{% set b=a~a %}{% set c=b~b %}{% set d=c~c %}{{ d|length }}".into(),
        ),
        (
            "a merge field doubled by `~`, 11 times",
            format!("{{% set s = big %}}{}{{{{ s|length }}}}", "{% set s = s ~ s %}".repeat(11)),
        ),
        (
            "a merge field doubled by `+`, 11 times",
            format!("{{% set s = big %}}{}{{{{ s|length }}}}", "{% set s = s + s %}".repeat(11)),
        ),
        ("a merge field repeated 1,500 times", "{% set a = big * 1500 %}{{ a|length }}".into()),
        ("a list nested in itself 24 times, as text", format!("{nest}{{{{ x|string|length }}}}")),
        ("a list nested in itself 24 times, joined", format!("{nest}{{{{ x|join(big)|length }}}}")),
        (
            "replace: each character by a merge field, then by 8",
            "{% set s = mid|replace('a', mid) %}{% set t = s|replace('a', 'aaaaaaaa') %}{{ t|length }}".into(),
        ),
        ("indent by 10,000 columns", "{{ (lines|indent(10000))|length }}".into()),
        ("a printf width of 100 million", "{{ ('%100000000s'|format(1))|length }}".into()),
        ("40 lists of 100,000 numbers", format!("{}done", names("l", 40, "range(100000)|list"))),
        (
            "a loop captured by {% set %}",
            "{% set c %}{% for i in range(3000) %}{{ big }}{% endfor %}{% endset %}{{ c|length }}".into(),
        ),
        (
            "a loop captured by a macro",
            "{% macro m() %}{% for i in range(3000) %}{{ big }}{% endfor %}{% endmacro %}{% set r = m() %}{{ r|length }}"
                .into(),
        ),
        (
            "a loop captured by {% filter %}",
            "{% filter upper %}{% for i in range(3000) %}{{ big }}{% endfor %}{% endfilter %}".into(),
        ),
        ("a merge field printed 100,000 times", "{% for i in range(100000) %}{{ big }}{% endfor %}".into()),
        ("the merge fields as text, in a loop", "{% for i in range(100000) %}{% set s = items|string %}{% endfor %}".into()),
        ("2,000 copies of a merge field in upper case", format!("{}done", names("u", 2000, "big|upper"))),
        // Within the limits: the most a template may really hold.
        ("within: 120 copies of a merge field in upper case", format!("{}done", names("u", 120, "big|upper"))),
        ("within: a list of 60,000 numbers", "{% set l = range(60000)|list %}{{ l|length }}".into()),
        ("within: a merge field printed 31 times (2 MB output)", "{% for i in range(31) %}{{ big }}{% endfor %}".into()),
        (
            "within: a newsletter, 1,000 products with filters",
            "{% for p in items %}<p>{{ p.name|title }}: {{ p.price|float * 1.2 }} {{ p.tags|join(', ')|upper }}</p>{% endfor %}"
                .into(),
        ),
    ]
}

fn fields() -> serde_json::Value {
    json!({
        "first_name": "Ann",
        "big": "a".repeat(64 * 1024),
        "mid": "a".repeat(4 * 1024),
        "lines": "one\ntwo\nthree\n".repeat(4000),
        "items": (0..1000).map(|i| json!({"name": format!("item {i}"), "price": i, "tags": ["new", "sale"]})).collect::<Vec<_>>(),
    })
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"))
}

/// In the child: prepare and render one case, print the memory it took.
#[test]
fn one_case() {
    let Some(n) = std::env::var("TIDINGS_TEMPLATE_CASE").ok().and_then(|v| v.parse::<usize>().ok()) else { return };
    let (_, body) = &cases()[n];
    let fields = fields();
    let before = status_kib("VmRSS:");
    let outcome = PreparedCampaign::prepare(
        &CampaignSource { subject: "Hello {{ first_name }}", layout: "{{ content }}", body, format: BodyFormat::Html },
        Limits::default(),
    )
    .and_then(|c| c.render(&fields, &SystemLinks::default()));
    let peak = status_kib("VmHWM:");
    let outcome = match outcome {
        Ok(m) => format!("rendered, {} bytes", m.html.len()),
        Err(e) => format!("refused: {e}"),
    };
    println!("RESULT {} {} {}", before, peak, outcome.replace('\n', " "));
}

#[test]
fn no_template_takes_a_rendering_past_64_mb() {
    if std::env::var_os("TIDINGS_TEMPLATE_CASE").is_some() {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let mut rows = Vec::new();
    let mut over = Vec::new();
    for (n, (label, _)) in cases().iter().enumerate() {
        let out = Command::new(&exe)
            .args(["--exact", "one_case", "--nocapture", "--test-threads=1"])
            .env("TIDINGS_TEMPLATE_CASE", n.to_string())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        // The harness prints "test one_case ... " on the same line first.
        let Some(line) = stdout.lines().find_map(|l| l.find("RESULT ").map(|at| &l[at + "RESULT ".len()..])) else {
            over.push(format!("{label}: the case did not finish ({})", out.status));
            rows.push(format!("{label:<56} did not finish: {}", out.status));
            continue;
        };
        let mut parts = line.splitn(3, ' ');
        let before: u64 = parts.next().unwrap().parse().unwrap();
        let peak: u64 = parts.next().unwrap().parse().unwrap();
        let outcome = parts.next().unwrap_or("").to_string();
        let growth = peak.saturating_sub(before) as f64 / 1024.0;
        if growth >= LIMIT_MIB {
            over.push(format!("{label}: {growth:.1} MiB"));
        }
        rows.push(format!("{label:<56} {growth:>7.1} MiB  {}", outcome.chars().take(110).collect::<String>()));
    }
    eprintln!("peak resident memory above the start, per template:\n{}", rows.join("\n"));
    assert!(over.is_empty(), "past {LIMIT_MIB} MiB:\n{}", over.join("\n"));
}
