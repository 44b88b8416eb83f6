//! Per-message costs of the mail path: rendering a prepared campaign for one contact, building
//! the MIME message, DKIM-signing it (RSA-2048, Ed25519), and what preparing a campaign costs
//! once, and lettre's message builder beside ours. Run on demand:
//!
//!     cargo bench --bench mail
//!     cargo bench --bench mail -- dkim        # one group (criterion filter)
//!
//! The campaign is typical: the default layout (a stylesheet with a dozen rules and a media
//! query), a Markdown body of ~1.5 KB with headings, a list, links and seven merge fields.
//! After criterion's report, the bench prints messages per second per core for each step and
//! for render + build (+ sign), the CPU budget that the 15,000 msgs/s target on 2 cores leaves.

use std::hint::black_box;
use std::time::Instant;

use chrono::Utc;
use criterion::{criterion_group, Criterion, Throughput};
use serde_json::json;
use tidings::mail::dkim::{Algorithm, GeneratedKey, Signer};
use tidings::mail::template::DEFAULT_LAYOUT;
use tidings::mail::{BodyFormat, CampaignSource, Limits, Mailbox, Message, MessageId, PreparedCampaign, SystemLinks};

const BODY: &str = r#"# Winter offers for {{ first_name | default("you") }}

Hello {{ first_name }},

the nights are long and the tea is hot. As a **{{ tier }}** member you get
**{{ discount }}% off** everything in the shop until Sunday, with the code `{{ code }}`.

## This week's picks

- Darjeeling first flush, 100 g — a light, flowery tea for the morning
- Assam breakfast blend, 250 g — strong enough for milk
- A cast-iron teapot that keeps its heat for an hour
- Honey from the Black Forest, {{ city }} delivery included

{% if tier == "Gold" %}
As a Gold member, your parcel ships the same day.
{% endif %}

[See all offers]({{ shop_url }}) · [Your account]({{ account_url }})

Questions? Just reply to this message; a person reads every answer.

Warm regards,
the team at Teekontor
"#;

fn links() -> SystemLinks<'static> {
    SystemLinks {
        unsubscribe_url: "https://news.example.com/u/AbCdEf0123456789AbCdEf0123456789",
        preferences_url: "https://news.example.com/p/AbCdEf0123456789AbCdEf0123456789",
        view_in_browser_url: "https://news.example.com/v/AbCdEf0123456789AbCdEf0123456789",
        privacy_url: "https://news.example.com/privacy",
        organisation: "Shoe Shop Ltd",
        postal_address: "1 High Street, London",
        legal_footer: "",
        language: None,
    }
}

fn fields() -> serde_json::Value {
    json!({
        "email": "jane.doe@example.org",
        "first_name": "Jane",
        "last_name": "Doe",
        "tier": "Gold",
        "discount": 15,
        "code": "WINTER-7F3K",
        "city": "Köln",
        "shop_url": "https://shop.example.com/offers?utm_source=news",
        "account_url": "https://shop.example.com/account",
    })
}

fn source() -> CampaignSource<'static> {
    CampaignSource {
        subject: "{{ first_name }}, {{ discount }}% off this week",
        layout: DEFAULT_LAYOUT,
        body: BODY,
        format: BodyFormat::Markdown,
    }
}

const LIST: [(&str, &str); 2] = [
    ("List-Unsubscribe", "<https://news.example.com/u/AbCdEf0123456789AbCdEf0123456789>"),
    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
];

fn signers() -> (Signer, Signer, Signer) {
    let rsa = GeneratedKey::generate(Algorithm::Rsa, "s1").unwrap();
    let ed = GeneratedKey::generate(Algorithm::Ed25519, "s1-ed").unwrap();
    (
        Signer::from_pem("example.com", Some(("s1", &rsa.private_pem)), None).unwrap(),
        Signer::from_pem("example.com", None, Some(("s1-ed", &ed.private_pem))).unwrap(),
        Signer::from_pem("example.com", Some(("s1", &rsa.private_pem)), Some(("s1-ed", &ed.private_pem))).unwrap(),
    )
}

fn bench(c: &mut Criterion) {
    let campaign = PreparedCampaign::prepare(&source(), Limits::default()).unwrap();
    let fields = fields();
    let links = links();
    let rendered = campaign.render(&fields, &links).unwrap();
    let id = MessageId::new("c-0190f3a2.p-0190f3a3", "example.com").unwrap();
    let message = Message {
        from: Mailbox::new("Teekontor", "news@example.com"),
        to: Mailbox::new("Jane Doe", "jane.doe@example.org"),
        reply_to: "",
        subject: &rendered.subject,
        message_id: &id,
        date: Utc::now(),
        headers: &LIST,
        text: &rendered.text,
        html: Some(&rendered.html),
    };
    let bytes = message.to_bytes().unwrap();
    eprintln!(
        "message: {} bytes (HTML part {} bytes, text part {} bytes)",
        bytes.len(),
        rendered.html.len(),
        rendered.text.len()
    );
    let (rsa, ed, both) = signers();

    let mut g = c.benchmark_group("campaign");
    g.bench_function("prepare_once", |b| {
        b.iter(|| PreparedCampaign::prepare(black_box(&source()), Limits::default()).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("per_message");
    g.throughput(Throughput::Elements(1));
    g.bench_function("render", |b| b.iter(|| campaign.render(black_box(&fields), &links).unwrap()));
    let mut buf = Vec::with_capacity(bytes.len() * 2);
    g.bench_function("build_mime", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&message).write_to(&mut buf).unwrap();
        })
    });
    g.bench_function("build_mime_lettre_builder", |b| b.iter(|| lettre_builder(black_box(&rendered)).len()));
    g.bench_function("dkim_rsa2048", |b| b.iter(|| rsa.sign(black_box(&bytes)).unwrap()));
    g.bench_function("dkim_ed25519", |b| b.iter(|| ed.sign(black_box(&bytes)).unwrap()));
    g.bench_function("dkim_rsa2048_and_ed25519", |b| b.iter(|| both.sign(black_box(&bytes)).unwrap()));
    g.bench_function("render_build", |b| {
        b.iter(|| {
            let r = campaign.render(&fields, &links).unwrap();
            let m = Message { subject: &r.subject, text: &r.text, html: Some(&r.html), ..message };
            buf.clear();
            m.write_to(&mut buf).unwrap();
        })
    });
    g.finish();

    // A plain loop for a per-core rate summary (criterion's report shows the distributions).
    let rate = |name: &str, n: u32, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        let per = start.elapsed() / n;
        eprintln!(
            "{name:<34} {:>8.1} µs/msg  {:>9.0} msgs/s per core",
            per.as_secs_f64() * 1e6,
            1.0 / per.as_secs_f64()
        );
    };
    eprintln!("\nsummary (one core):");
    rate("render", 5_000, &mut || drop(black_box(campaign.render(&fields, &links).unwrap())));
    rate("build MIME", 20_000, &mut || {
        buf.clear();
        message.write_to(&mut buf).unwrap();
    });
    rate("build MIME (lettre's builder)", 20_000, &mut || drop(black_box(lettre_builder(&rendered))));
    rate("DKIM RSA-2048", 1_000, &mut || drop(black_box(rsa.sign(&bytes).unwrap())));
    rate("DKIM Ed25519", 5_000, &mut || drop(black_box(ed.sign(&bytes).unwrap())));
    rate("render + build", 5_000, &mut || {
        let r = campaign.render(&fields, &links).unwrap();
        let m = Message { subject: &r.subject, text: &r.text, html: Some(&r.html), ..message };
        buf.clear();
        m.write_to(&mut buf).unwrap();
    });
    rate("render + build + RSA-2048", 1_000, &mut || {
        let r = campaign.render(&fields, &links).unwrap();
        let m = Message { subject: &r.subject, text: &r.text, html: Some(&r.html), ..message };
        buf.clear();
        m.write_to(&mut buf).unwrap();
        drop(black_box(rsa.sign(&buf).unwrap()));
    });
}

/// The same message through lettre's builder, for comparison with `Message::write_to`.
fn lettre_builder(r: &tidings::mail::RenderedMessage) -> Vec<u8> {
    use lettre::message::header::{HeaderName, HeaderValue};
    use lettre::message::MultiPart;
    let mut builder = lettre::Message::builder()
        .from("Teekontor <news@example.com>".parse().unwrap())
        .to("Jane Doe <jane.doe@example.org>".parse().unwrap())
        .subject(&r.subject)
        .message_id(Some("<c-0190f3a2.p-0190f3a3@example.com>".into()))
        .date_now();
    for (name, value) in LIST {
        builder = builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii_str(name), value.to_string()));
    }
    builder.multipart(MultiPart::alternative_plain_html(r.text.clone(), r.html.clone())).unwrap().formatted()
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
