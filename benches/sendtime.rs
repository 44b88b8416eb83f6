//! Send-time optimisation benchmark: choosing each contact's moment for CONTACTS contacts
//! (100,000 by default) with EVENTS_PER events each, and a campaign's enqueue with the option
//! against without it. Run on demand:
//!
//!     cargo bench --bench sendtime
//!     CONTACTS=2000 EVENTS_PER=8 cargo bench --bench sendtime
//!
//! A fresh data directory gets the contacts (written the way the bulk import writes them) and
//! their events (page views and clicks at random hours of the last 60 days, a tenth of them
//! machine hits, written through the tracking writer). Reported:
//! - the shop's pattern: computed once from the time-ordered log (every later choice reads it
//!   from memory);
//! - the choice for every contact (read the contact and its consents, count its signals, choose):
//!   total and µs per contact;
//! - the audience's enqueue into the outbox in chunks of 5,000 (one commit each, as the sender's
//!   audience walk does), without the option and with a 24-hour window.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::time::Instant;

use chrono::{Duration, Utc};
use tidings::config::Config;
use tidings::domain::{
    ConsentEntry, ContactId, ContactInput, EmailAddress, Event, EventKind, MergePolicy, Source, Via,
};
use tidings::ops::By;
use tidings::sending::ops::{self as sops, CampaignInput};
use tidings::state::AppState;
use tidings::store::{OpenOptions, Store};
use tidings::tracking::Record;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A small deterministic generator (no dependency for a benchmark's dice).
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn consent(purpose: &str) -> ConsentEntry {
    ConsentEntry {
        purpose: purpose.into(),
        granted: true,
        at: Utc::now(),
        via: Via::Import("bench".into()),
        wording: None,
        ip: None,
        user_agent: None,
        note: String::new(),
    }
}

fn campaign(state: &AppState, name: &str) -> tidings::sending::Campaign {
    sops::create_campaign(
        state,
        By::cli(),
        &CampaignInput {
            name: Some(name.into()),
            subject: Some("News".into()),
            body: Some("Hello".into()),
            lists: Some(vec!["news".into()]),
            ..Default::default()
        },
    )
    .unwrap()
}

fn main() {
    let n = env("CONTACTS", 100_000) as usize;
    let per = env("EVENTS_PER", 8) as usize;
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    let store = Store::open(dir.path(), &OpenOptions::from_config(&config, tidings::wiring::registry())).unwrap();
    let state = Arc::new(AppState::new(config, store).unwrap());
    tidings::contacts::ops::create_list(&state, By::cli(), "News", "").unwrap();
    let fields = state.fields.all();
    let consents = [consent("newsletter"), consent("engagement"), consent("website_tracking")];
    let t = Instant::now();
    let mut ids: Vec<ContactId> = Vec::with_capacity(n);
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut batch = Vec::new();
    let now = Utc::now();
    for i in 0..n {
        let input = ContactInput {
            email: Some(EmailAddress::parse(&format!("reader{i:07}@example.org")).unwrap()),
            lists: Some(["news".to_string()].into()),
            time_zone: (i % 3 == 0).then(|| Some("America/New_York".to_string())),
            ..Default::default()
        };
        let (_, c, _) = tidings::contacts::ops::upsert_uncommitted(
            &state,
            &input,
            MergePolicy::Overwrite,
            Source::Import,
            "bench",
            &consents,
            &fields,
        )
        .unwrap();
        let c = c.expect("a new contact");
        ids.push(c.id);
        for _ in 0..per {
            let at = now - Duration::minutes(dice.next(60 * 24 * 60) as i64 + 1);
            let kind = if dice.next(2) == 0 { EventKind::PageView } else { EventKind::Click };
            let mut e = Event::new(kind, at, "bench");
            if dice.next(10) == 0 {
                e.machine = Some("bench".into());
            }
            batch.push(Record { contact: Some(c.id), event: e, link: None });
        }
        if i % 5000 == 4999 {
            state.store.commit().unwrap();
            state.tracking.record_durable_blocking(std::mem::take(&mut batch)).unwrap();
        }
    }
    state.store.commit().unwrap();
    state.tracking.record_durable_blocking(batch).unwrap();
    eprintln!("{n} contacts with {per} events each written in {:.1} s", t.elapsed().as_secs_f64());

    let zone = state.settings.zone();
    let t = Instant::now();
    let shop = state.sendtime.shop(zone, Utc::now()).unwrap();
    eprintln!("shop pattern: {} signals read in {:.0} ms", shop.total(), t.elapsed().as_secs_f64() * 1000.0);

    let t = Instant::now();
    let people: Vec<_> = ids
        .iter()
        .map(|id| {
            let (c, cs, _) = state.contacts.get_with_consents(id).unwrap().unwrap();
            (c, cs)
        })
        .collect();
    let read = t.elapsed();
    let t = Instant::now();
    let mut later = 0;
    let start = Utc::now();
    for (c, cs) in &people {
        let choice = state.sendtime.choose(c, cs, start, 24, zone).unwrap();
        if choice.at > start {
            later += 1;
        }
    }
    let took = t.elapsed();
    drop(people);
    let per = |d: std::time::Duration| d.as_secs_f64() * 1e6 / n as f64;
    println!(
        "choose: {n} contacts in {:.2} s, {:.1} µs per contact ({later} wait for a later hour); reading the \
         contacts and their consents before: {:.2} s, {:.1} µs each",
        took.as_secs_f64(),
        per(took),
        read.as_secs_f64(),
        per(read)
    );

    for (label, hours) in [("without the option", None), ("with a 24 h window", Some(24u16))] {
        let c = campaign(&state, label);
        let t = Instant::now();
        for chunk in ids.chunks(5000) {
            match hours {
                Some(h) => tidings::sending::enqueue_at_best_hours(&state, &c, chunk, h, None).unwrap(),
                None => state.sending.outbox.enqueue(&c.id, chunk).unwrap(),
            };
            state.store.commit().unwrap();
        }
        let took = t.elapsed();
        let tally = state.sending.outbox.tally(&c.id).unwrap();
        println!(
            "enqueue {label}: {n} recipients in {:.2} s ({:.1} µs each; {} queued, {} waiting)",
            took.as_secs_f64(),
            took.as_secs_f64() * 1e6 / n as f64,
            tally.queued,
            tally.waiting
        );
    }
}
