//! The sender: feeders turn outbox slots into jobs, preparation threads turn campaign jobs into
//! rendered and signed messages, lanes turn those into delivered mail.
//!
//! Each lane is one relay connection's worth of work and commits the result of its message
//! before it takes the next one. A kill at any instant therefore leaves at most one message per
//! lane that the relay accepted but the outbox does not know as sent: the only repeats after a
//! restart, and they carry the same Message-ID.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tracing::Instrument;

use super::campaign::{Campaign, CampaignId, CampaignState, Stats};
use super::outbox::{Note, Slot, SlotState};
use super::templates::default_campaign_layout;
use crate::audit::{Action, Actor, Event};
use crate::domain::mailable::{Kind, Refusal};
use crate::domain::{ConsentState, ContactId, LawfulBasis, MailId};
use crate::mail::{CampaignSource, Envelope, Limits, Mailbox, Message, Outcome, PreparedCampaign};
use crate::state::AppState;

/// Recipients written to the outbox per step of the audience walk (one commit each).
const AUDIENCE_CHUNK: usize = 5000;
/// Slots read from the outbox per scan step.
const SCAN_CHUNK: usize = 512;
/// The error-rate brake looks at this many recent results.
const WINDOW: usize = 100;
/// ... and only once it has at least this many.
const MIN_SAMPLES: usize = 20;

/// One campaign recipient, from the feeder to the preparation threads.
struct Job(Arc<Run>, ContactId);

/// A campaign being sent: compiled once, shared by its feeder and every lane.
pub(super) struct Run {
    pub id: CampaignId,
    name: String,
    prepared: PreparedCampaign,
    /// The campaign's tracked links (see `tracking::links`).
    mailing: Arc<crate::tracking::Mailing>,
    purpose: String,
    needs_consent: bool,
    relay: Option<String>,
    halted: AtomicBool,
    inflight: AtomicUsize,
    idle: tokio::sync::Notify,
    queued: AtomicU64,
    audience_complete: AtomicBool,
    sent: AtomicU64,
    failed: AtomicU64,
    skipped: AtomicU64,
    retrying: AtomicU64,
    window: Mutex<VecDeque<bool>>,
    last_error: Mutex<String>,
    cursor: Mutex<(u32, Option<String>)>,
    /// The organisation and its address for the footer, read once when the run starts.
    identity: (String, String),
    /// The legal footers per language, read when the run starts (a message prints its
    /// language's, else the one of `lang`).
    legal_footers: crate::settings::LegalFooters,
    /// The language campaigns are written in (the shop's default, read when the run starts):
    /// the footer's link texts and `Content-Language` match the text they stand under.
    lang: &'static crate::i18n::Language,
    /// The campaign in other languages (code → compiled text, preheader, language): a contact
    /// whose language has one gets it.
    variants: std::collections::HashMap<String, (PreparedCampaign, String, &'static crate::i18n::Language)>,
    /// The campaign's sender (an address; empty: the default), resolved for every message so
    /// that a change in Settings → Email applies to the next one.
    sender: String,
    preheader: String,
    /// Segments whose members get nothing: checked again for each message, so that a contact
    /// who entered one after the audience walk is still left out.
    exclude: Vec<crate::domain::SegmentId>,
    /// The campaign's A/B test, as it stood when the run started (a run begins again when the
    /// winner is chosen).
    ab: Option<RunAb>,
    /// Send-time optimisation: the window in hours each recipient's moment is chosen within
    /// (None: everyone at once), and how far the durable clock has released waiting slots
    /// (Unix seconds; the clock's time, which a test may drive ahead of the wall's).
    send_time: Option<u16>,
    released: AtomicI64,
}

/// An A/B test's variants made ready to send.
struct RunAb {
    test: super::abtest::AbTest,
    /// Variants B, C, D: compiled text, preheader, sender name (None: the campaign's).
    others: Vec<(PreparedCampaign, String, Option<String>)>,
}

impl Run {
    pub(super) fn halt(&self) {
        self.halted.store(true, Ordering::SeqCst);
        self.idle.notify_waiters();
    }

    fn halted(&self) -> bool {
        self.halted.load(Ordering::SeqCst)
    }

    /// The clock released waiting slots due by `until`: the feeder looks again.
    pub(super) fn release(&self, until: i64) {
        self.released.fetch_max(until, Ordering::SeqCst);
        self.idle.notify_waiters();
    }

    /// Now, for the slots' due times: the wall clock's, or the durable clock's release when it
    /// is ahead.
    fn now(&self) -> i64 {
        Utc::now().timestamp().max(self.released.load(Ordering::SeqCst))
    }

    pub(super) fn stats(&self) -> Stats {
        Stats {
            queued: self.queued.load(Ordering::Relaxed),
            audience_complete: self.audience_complete.load(Ordering::Relaxed),
            sent: self.sent.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            skipped: self.skipped.load(Ordering::Relaxed),
            retrying: self.retrying.load(Ordering::Relaxed),
            cursor: self.cursor.lock().unwrap_or_else(|p| p.into_inner()).clone(),
            last_error: self.last_error.lock().unwrap_or_else(|p| p.into_inner()).clone(),
        }
    }

    fn done_one(&self) {
        if self.inflight.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.idle.notify_waiters();
        }
    }

    /// Records one result for the brake; returns the failure rate in percent when it is due.
    fn observe(&self, failed: bool) -> Option<usize> {
        let mut w = self.window.lock().unwrap_or_else(|p| p.into_inner());
        w.push_back(failed);
        if w.len() > WINDOW {
            w.pop_front();
        }
        (w.len() >= MIN_SAMPLES).then(|| w.iter().filter(|f| **f).count() * 100 / w.len())
    }
}

/// Starts the sender on its own thread and runtime. It holds the state weakly and ends when the
/// application is dropped.
pub fn start(state: &Arc<AppState>) {
    let weak = Arc::downgrade(state);
    let wake = state.sending.wake.clone();
    let lanes: usize = state.mailer.transports().map(|t| t.connections()).sum::<usize>().max(1);
    let spawned = std::thread::Builder::new().name("tidings-sender".into()).spawn(move || {
        let rt = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("tidings-send")
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                tracing::error!(error = %e, "the sender could not start");
                return;
            }
        };
        rt.block_on(run(weak, wake, lanes));
    });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "the sender thread could not start");
    }
}

async fn run(weak: Weak<AppState>, wake: Arc<tokio::sync::Notify>, lanes: usize) {
    let (tx, rx) = tokio::sync::mpsc::channel::<Job>(lanes * 2);
    let rx = Arc::new(Mutex::new(rx));
    // Prepared messages wait here for a lane: at most one per lane, a few kilobytes each.
    let (ready_tx, ready_rx) = tokio::sync::mpsc::channel::<Work>(lanes);
    let ready_rx = Arc::new(tokio::sync::Mutex::new(ready_rx));
    let preparers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    for i in 0..preparers {
        let (weak, rx, ready_tx) = (weak.clone(), rx.clone(), ready_tx.clone());
        let spawned =
            std::thread::Builder::new().name(format!("tidings-prep-{i}")).spawn(move || prepare(weak, rx, ready_tx));
        if let Err(e) = spawned {
            tracing::error!(error = %e, "a sender preparation thread could not start");
        }
    }
    let inflight_messages: Arc<Mutex<HashSet<MailId>>> = Arc::default();
    let (messages_tx, messages_rx) = std::sync::mpsc::channel::<(MailId, ContactId)>();
    let messages_rx = Arc::new(Mutex::new(messages_rx));
    for i in 0..preparers {
        let (weak, rx, ready_tx, inflight) =
            (weak.clone(), messages_rx.clone(), ready_tx.clone(), inflight_messages.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("tidings-prep-msg-{i}"))
            .spawn(move || prepare_messages(weak, rx, ready_tx, inflight));
        if let Err(e) = spawned {
            tracing::error!(error = %e, "a sender preparation thread could not start");
        }
    }
    for _ in 0..lanes {
        tokio::spawn(lane(weak.clone(), ready_rx.clone(), inflight_messages.clone()));
    }
    tracing::info!(lanes, preparers, "sender started");
    loop {
        let Some(state) = weak.upgrade() else { return };
        let mut next_wake = Duration::from_secs(1);
        if let Err(e) = tick(&state, &weak, &tx, &messages_tx, &inflight_messages, &mut next_wake).await {
            tracing::error!(error = %e, "sender step failed");
        }
        drop(state);
        let _ = tokio::time::timeout(next_wake, wake.notified()).await;
    }
}

/// One pass: due transactional messages, due scheduled campaigns, campaigns to (re)start.
async fn tick(
    state: &Arc<AppState>,
    weak: &Weak<AppState>,
    tx: &tokio::sync::mpsc::Sender<Job>,
    messages: &std::sync::mpsc::Sender<(MailId, ContactId)>,
    inflight_messages: &Arc<Mutex<HashSet<MailId>>>,
    next_wake: &mut Duration,
) -> anyhow::Result<()> {
    let now = Utc::now();
    // Transactional mail first, straight to the lanes: a confirmation must not wait behind a
    // campaign's messages being prepared.
    // Past the ones still in flight (the walk meets them first), up to a batch of new ones.
    let busy = inflight_messages.lock().unwrap_or_else(|p| p.into_inner()).len();
    let due = state.sending.outbox.due_messages(MESSAGE_BATCH + busy, now.timestamp())?;
    for (id, contact, _) in due {
        if !inflight_messages.lock().unwrap_or_else(|p| p.into_inner()).insert(id) {
            continue;
        }
        if messages.send((id, contact)).is_err() {
            return Ok(());
        }
    }
    let mut retry_at = state.sending.outbox.due_messages(1, i64::MAX)?.first().map(|(_, _, s)| s.at);
    // Scheduled campaigns start from their timers (`schedule`); here, those sending get a run.
    for c in state.sending.campaigns.all()?.into_iter().filter(|c| c.state == CampaignState::Sending) {
        let running = state.sending.runs.lock().unwrap_or_else(|p| p.into_inner()).contains_key(&c.id);
        if !running {
            match prepare_run(state, &c) {
                Ok(run) => {
                    state.sending.runs.lock().unwrap_or_else(|p| p.into_inner()).insert(c.id, run.clone());
                    let span = tracing::info_span!("campaign_send", campaign = %c.id);
                    tokio::spawn(feed(weak.clone(), run, tx.clone()).instrument(span));
                }
                Err(reason) => super::ops::brake(state, &c.id, &reason),
            }
        }
    }
    if let Some(at) = retry_at.take() {
        let secs = (at - now.timestamp()).max(0) as u64;
        *next_wake = (*next_wake).min(Duration::from_secs(secs.max(1)));
    }
    Ok(())
}

/// Compiles the campaign and restores its counters from the outbox.
fn prepare_run(state: &AppState, c: &Campaign) -> Result<Arc<Run>, String> {
    let layout = state.sending.templates.layout_html(&c.layout, default_campaign_layout())?;
    let prepared = PreparedCampaign::prepare(
        &CampaignSource { subject: &c.subject, layout: &layout, body: &c.body, format: c.format },
        Limits::default(),
    )
    .map_err(|e| format!("the template has an error: {e}"))?;
    let purpose = state
        .purposes
        .get(&c.purpose)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("the purpose `{}` no longer exists", c.purpose))?;
    let mut variants = std::collections::HashMap::new();
    let mut all_html = prepared.html_template().to_string();
    for (code, v) in state.sending.campaigns.variants(&c.id).map_err(|e| e.to_string())? {
        let p = PreparedCampaign::prepare(
            &CampaignSource { subject: &v.subject, layout: &layout, body: &v.body, format: c.format },
            Limits::default(),
        )
        .map_err(|e| format!("the {code} version has an error: {e}"))?;
        all_html.push_str(p.html_template());
        variants.insert(code.clone(), (p, v.preheader.clone(), crate::i18n::catalogue().get(&code)));
    }
    let ab = match state.sending.campaigns.ab(&c.id).map_err(|e| e.to_string())? {
        None => None,
        Some(test) => {
            let mut others = Vec::new();
            for i in 1..test.arms() {
                let ch = test.changes(i);
                let v = ch.apply(c);
                let p = PreparedCampaign::prepare(
                    &CampaignSource { subject: &v.subject, layout: &layout, body: &v.body, format: c.format },
                    Limits::default(),
                )
                .map_err(|e| format!("A/B variant {} has an error: {e}", super::abtest::letter(i)))?;
                // Every variant's links are the campaign's links.
                all_html.push_str(p.html_template());
                others.push((p, v.preheader, ch.sender_name));
            }
            Some(RunAb { test, others })
        }
    };
    let relay = (!c.relay.is_empty()).then(|| c.relay.clone());
    state.mailer.transport(relay.as_deref()).map_err(|e| e.to_string())?;
    let send_time = state.sendtime.option(&c.id).map_err(|e| e.to_string())?;
    let stored = state.sending.campaigns.stats(&c.id).map_err(|e| e.to_string())?;
    let tally = state.sending.outbox.tally(&c.id).map_err(|e| e.to_string())?;
    let mailing = state
        .tracking
        .register(crate::tracking::Mailing::from_template(
            c.id.uuid(),
            crate::tracking::MailingKind::Campaign,
            // Every language's links are the campaign's links.
            &all_html,
        ))
        .map_err(|e| e.to_string())?;
    Ok(Arc::new(Run {
        id: c.id,
        name: c.name.clone(),
        prepared,
        mailing,
        purpose: purpose.key,
        needs_consent: purpose.basis == LawfulBasis::Consent,
        relay,
        halted: AtomicBool::new(false),
        inflight: AtomicUsize::new(0),
        idle: tokio::sync::Notify::new(),
        queued: AtomicU64::new(tally.total),
        audience_complete: AtomicBool::new(stored.audience_complete),
        sent: AtomicU64::new(tally.sent),
        failed: AtomicU64::new(tally.failed),
        skipped: AtomicU64::new(tally.skipped),
        retrying: AtomicU64::new(tally.retry),
        window: Mutex::new(VecDeque::new()),
        last_error: Mutex::new(stored.last_error),
        cursor: Mutex::new(stored.cursor),
        identity: super::identity(state),
        legal_footers: super::legal_footers(state),
        lang: super::shop_language(state),
        variants,
        sender: c.sender.clone(),
        preheader: c.preheader.clone(),
        exclude: state.sending.campaigns.targets(&c.id).map_err(|e| e.to_string())?.exclude,
        ab,
        send_time: send_time.map(|o| o.hours),
        released: AtomicI64::new(send_time.map_or(0, |o| o.released)),
    }))
}

/// Walks the audience into the outbox and the outbox into jobs, until every slot is done (the
/// campaign is sent) or the run is halted (paused, cancelled).
async fn feed(weak: Weak<AppState>, run: Arc<Run>, jobs: tokio::sync::mpsc::Sender<Job>) {
    let mut after: Option<ContactId> = None;
    let mut last_saved = std::time::Instant::now();
    // The walk reads the index, and holds a segment's members to the campaign's rules through
    // it: a run resumed (or started) moments after a write must see it, as a start does.
    if !run.audience_complete.load(Ordering::SeqCst) {
        if let Some(state) = weak.upgrade() {
            let _ = tokio::task::spawn_blocking(move || state.search.catch_up(Duration::from_secs(5))).await;
        }
    }
    loop {
        if run.halted() {
            break;
        }
        let Some(state) = weak.upgrade() else { return };
        // An excluded segment being rebuilt (or deleted) has no trustworthy members: sending
        // stops until it is built again rather than reach someone it should leave out.
        if !run.exclude.is_empty() {
            let t = super::campaign::Targets { include: Vec::new(), exclude: run.exclude.clone() };
            let checked = {
                let (st, span) = (state.clone(), tracing::Span::current());
                tokio::task::spawn_blocking(move || span.in_scope(|| super::ops::check_targets(&st, &t))).await
            };
            if let Ok(Err(e)) = checked {
                super::ops::brake(&state, &run.id, &format!("the audience could not be read: {e}"));
                break;
            }
        }
        if !run.audience_complete.load(Ordering::SeqCst) {
            let (st, r, span) = (state.clone(), run.clone(), tracing::Span::current());
            match tokio::task::spawn_blocking(move || span.in_scope(|| walk_audience(&st, &r))).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    super::ops::brake(&state, &run.id, &format!("the audience could not be read: {e}"));
                    break;
                }
                Err(e) => {
                    tracing::error!(error = %e, "audience walk panicked");
                    break;
                }
            }
            if let Err(e) = state.store.commit_async().await {
                tracing::error!(error = %e, "outbox commit failed");
                break;
            }
        }
        let now = run.now();
        let (due, last) = match state.sending.outbox.due(&run.id, after.as_ref(), SCAN_CHUNK, now) {
            Ok(x) => x,
            Err(e) => {
                tracing::error!(error = %e, "reading the outbox failed");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        drop(state);
        for (contact, _) in &due {
            if run.halted() {
                break;
            }
            run.inflight.fetch_add(1, Ordering::SeqCst);
            if jobs.send(Job(run.clone(), *contact)).await.is_err() {
                return;
            }
        }
        if last_saved.elapsed() > Duration::from_secs(1) {
            save_stats(&weak, &run);
            last_saved = std::time::Instant::now();
        }
        if last.is_some() && due.len() >= SCAN_CHUNK {
            after = last;
            continue;
        }
        // The end of what is in the outbox so far.
        if !run.audience_complete.load(Ordering::SeqCst) {
            after = last.or(after);
            continue;
        }
        // Wait for the lanes, then see what is left: retries, or nothing.
        while run.inflight.load(Ordering::SeqCst) > 0 && !run.halted() {
            let idle = run.idle.notified();
            if run.inflight.load(Ordering::SeqCst) == 0 {
                break;
            }
            let _ = tokio::time::timeout(Duration::from_millis(200), idle).await;
        }
        if run.halted() {
            break;
        }
        after = None;
        // Listening before the outbox is counted: a release by the clock from now on wakes the
        // wait below.
        let released = run.idle.notified();
        tokio::pin!(released);
        released.as_mut().enable();
        let Some(state) = weak.upgrade() else { return };
        let tally = match state.sending.outbox.tally(&run.id) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "counting the outbox failed");
                continue;
            }
        };
        run.retrying.store(tally.retry, Ordering::Relaxed);
        if tally.queued == 0 && tally.retry == 0 && tally.waiting == 0 {
            save_stats(&weak, &run);
            super::ops::finish(&state, &run.id);
            // `finish` removed the run and its counters are saved: nothing may write them after
            // this, since an A/B test's winner may start the next run (and its walk) at once.
            return;
        }
        // Slots waiting for their recipients' hours: the durable clock's timer wakes this feeder
        // at the first (or the wall clock does, for a retry due sooner); nothing is scanned
        // meanwhile.
        let waiting = tally.next_waiting.filter(|at| *at > run.now());
        if tally.queued == 0 && waiting.is_some() && tally.next_retry.is_none_or(|r| Some(r) > waiting) {
            let at = waiting.unwrap_or_default();
            if let Err(e) = crate::sendtime::ensure_timer(&state, &run.id, at) {
                tracing::error!(error = %e, "setting the send-time timer failed");
            }
            drop(state);
            save_stats(&weak, &run);
            let wait = Duration::from_secs((at - Utc::now().timestamp()).clamp(0, 3600) as u64);
            if !run.halted() {
                let _ = tokio::time::timeout(wait, released).await;
            }
            continue;
        }
        if tally.queued == 0 {
            if let Some(at) = tally.next_retry {
                let wait = (at - Utc::now().timestamp()).clamp(0, 3600) as u64;
                drop(state);
                save_stats(&weak, &run);
                // Checked each second, so a pause or cancel takes effect promptly.
                let until = std::time::Instant::now() + Duration::from_secs(wait);
                while std::time::Instant::now() < until && !run.halted() {
                    tokio::time::sleep(Duration::from_secs(1).min(until - std::time::Instant::now())).await;
                }
            }
        }
    }
    save_stats(&weak, &run);
    if let Some(state) = weak.upgrade() {
        let mut runs = state.sending.runs.lock().unwrap_or_else(|p| p.into_inner());
        if runs.get(&run.id).is_some_and(|r| Arc::ptr_eq(r, &run)) {
            runs.remove(&run.id);
        }
    }
}

fn save_stats(weak: &Weak<AppState>, run: &Run) {
    if let Some(state) = weak.upgrade() {
        if let Err(e) = state.sending.campaigns.put_stats(&run.id, &run.stats()) {
            tracing::error!(error = %e, "saving campaign progress failed");
        }
    }
}

/// One step of the audience walk: the next chunk of matching contacts into the outbox. The
/// cursor is saved with the chunk, so a restart continues where this stopped; a contact met
/// twice (on two lists, or on a list and in a segment) is written once. A segment's source is
/// its kept members, paged by contact id (the cursor is the last member looked at).
fn walk_audience(state: &AppState, run: &Run) -> anyhow::Result<()> {
    let Some(c) = state.sending.campaigns.get(&run.id)? else { return Ok(()) };
    let plan = super::ops::audience_plan(state, &c)?;
    // Members are the segment's only while it is built: one being rebuilt, or deleted, stops
    // the walk here and the campaign pauses with the reason.
    let targets = super::campaign::Targets { include: plan.include.clone(), exclude: plan.exclude.clone() };
    super::ops::check_targets(state, &targets)?;
    let repo = state.segments.segments();
    let (mut source, mut cursor) = run.cursor.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let mut ids = Vec::with_capacity(AUDIENCE_CHUNK);
    // Segment members looked at in this step, taken or not: the step stays one chunk's work
    // even when the campaign's rules leave most of them out.
    let mut examined = 0;
    while (source as usize) < plan.sources() && ids.len() < AUDIENCE_CHUNK && examined < AUDIENCE_CHUNK {
        let at = source as usize;
        if let Some(query) = plan.queries.get(at) {
            let mut q = query.clone();
            q.cursor = cursor.clone();
            q.limit = AUDIENCE_CHUNK - ids.len();
            let page = state.search.index.search(&q)?;
            for id in page.ids {
                if !super::ops::excluded(state, &plan.exclude, &id)? {
                    ids.push(id);
                }
            }
            match page.next {
                Some(next) => cursor = Some(next),
                None => {
                    source += 1;
                    cursor = None;
                }
            }
        } else {
            let index = at - plan.queries.len();
            let after = cursor.as_deref().and_then(|c| c.parse::<ContactId>().ok());
            let limit = AUDIENCE_CHUNK - ids.len().max(examined);
            let page = repo.members(&plan.include[index], after.as_ref(), limit)?;
            examined += page.len();
            ids.extend(super::ops::segment_recipients(state, &plan, index, &page, false)?);
            match page.last() {
                Some(last) if page.len() == limit => cursor = Some(last.to_string()),
                _ => {
                    source += 1;
                    cursor = None;
                }
            }
        }
    }
    // An A/B test waiting for its winner sends to its test share only; once the winner is
    // chosen the walk goes over everyone again, and the test share's slots stay as they are.
    if let Some(ab) = run.ab.as_ref().filter(|ab| !ab.test.rest_started) {
        ids.retain(|id| ab.test.arm_of(&run.id, id).is_some());
    }
    let added = match run.send_time {
        Some(hours) => {
            // The rest of an A/B test is walked when the winner is chosen, maybe days after
            // the start: its window starts then.
            let decided = run.ab.as_ref().filter(|ab| ab.test.rest_started).and_then(|ab| ab.test.decided_at);
            enqueue_at_best_hours(state, &c, &ids, hours, decided)?
        }
        None => state.sending.outbox.enqueue(&run.id, &ids)?,
    };
    run.queued.fetch_add(added, Ordering::Relaxed);
    *run.cursor.lock().unwrap_or_else(|p| p.into_inner()) = (source, cursor);
    let complete = source as usize >= plan.sources();
    run.audience_complete.store(complete, Ordering::SeqCst);
    state.sending.campaigns.put_stats(&run.id, &run.stats())?;
    Ok(())
}

/// Send-time optimisation: each recipient's slot waits for their best hour within `hours` of
/// the campaign's start (see [`crate::sendtime`]); those whose moment has come are queued at
/// once. The moment is in the slot, committed with it, so a restart keeps it.
pub fn enqueue_at_best_hours(
    state: &AppState,
    c: &Campaign,
    ids: &[ContactId],
    hours: u16,
    from: Option<DateTime<Utc>>,
) -> anyhow::Result<u64> {
    let now = Utc::now();
    let start = from.or(c.started_at).unwrap_or(now);
    let shop_zone = state.settings.zone();
    let (mut now_ids, mut later) = (Vec::new(), Vec::new());
    for id in ids {
        let choice = match state.contacts.get_with_consents(id)? {
            Some((contact, consents, _)) => {
                Some(state.sendtime.choose(&contact, &consents, start, u32::from(hours), shop_zone)?)
            }
            // Gone meanwhile: the sender records why when its turn comes.
            None => None,
        };
        match choice {
            Some(choice) if choice.at > now => later.push((*id, choice.at.timestamp())),
            _ => now_ids.push(*id),
        }
    }
    Ok(state.sending.outbox.enqueue(&c.id, &now_ids)? + state.sending.outbox.enqueue_waiting(&c.id, &later)?)
}

/// A campaign message rendered, composed and signed, and what its lane needs to record the
/// result.
struct Prepared {
    run: Arc<Run>,
    contact: ContactId,
    slot: Slot,
    engagement: Option<ConsentState>,
    envelope: Envelope,
    bytes: Vec<u8>,
}

/// What the lanes carry from the preparation threads: a campaign's message, or a message of
/// the transactional queue (transactional mail and the mail journeys compose).
enum Work {
    Campaign(Prepared),
    Message(Outgoing),
}

/// A preparation thread: renders, composes and signs campaign messages ahead of the lanes.
///
/// Rendering and signing (an RSA-2048 signature is most of a signed message's CPU) are kept off
/// the lanes, so that the CPU has work while every lane waits for its relay or for the group
/// commit; done inside the lanes, those waits left a quarter of the machine idle during a
/// signed send. A prepared message is not in flight: after a kill it is prepared again, with
/// the same Message-ID, so the bound of one unrecorded message per lane holds.
fn prepare(
    weak: Weak<AppState>,
    jobs: Arc<Mutex<tokio::sync::mpsc::Receiver<Job>>>,
    ready: tokio::sync::mpsc::Sender<Work>,
) {
    loop {
        let job = jobs.lock().unwrap_or_else(|p| p.into_inner()).blocking_recv();
        let Some(Job(run, contact)) = job else { return };
        // The state is held while preparing, not while waiting for a lane below.
        let work = {
            let Some(state) = weak.upgrade() else { return };
            let prepared = if run.halted() { Ok(None) } else { prepare_campaign_message(&state, &run, &contact) };
            match prepared {
                Ok(Some(p)) => Work::Campaign(p),
                Ok(None) => {
                    run.done_one();
                    continue;
                }
                Err(e) => {
                    fail_campaign_message(&state, &run, &contact, &e);
                    run.done_one();
                    continue;
                }
            }
        };
        if let Err(tokio::sync::mpsc::error::SendError(work)) = ready.blocking_send(work) {
            if let Work::Campaign(p) = work {
                p.run.done_one();
            }
            return;
        }
    }
}

/// A message that could not be prepared or handed over for a reason that is not the relay's:
/// marked failed, so that the feeder does not offer it again and again.
fn fail_campaign_message(state: &AppState, run: &Run, contact: &ContactId, e: &anyhow::Error) {
    let error = crate::domain::email::mask_addresses_in(&e.to_string());
    tracing::error!(campaign = %run.id, error, "campaign message failed");
    let slot = Slot { state: SlotState::Failed, attempts: 1, at: Utc::now().timestamp(), note: Note::Error };
    if state.sending.outbox.set_slot(&run.id, contact, &slot).is_ok() {
        run.failed.fetch_add(1, Ordering::Relaxed);
        *run.last_error.lock().unwrap_or_else(|p| p.into_inner()) = e.to_string();
    }
}

async fn lane(
    weak: Weak<AppState>,
    work: Arc<tokio::sync::Mutex<tokio::sync::mpsc::Receiver<Work>>>,
    inflight_messages: Arc<Mutex<HashSet<MailId>>>,
) {
    loop {
        let next = work.lock().await.recv().await;
        let Some(next) = next else { return };
        let Some(state) = weak.upgrade() else { return };
        match next {
            Work::Campaign(p) => {
                // Paused or cancelled while it waited: left queued in the outbox.
                if !p.run.halted() {
                    if let Err(e) = deliver_campaign_message(&state, &p).await {
                        fail_campaign_message(&state, &p.run, &p.contact, &e);
                    }
                }
                p.run.done_one();
            }
            Work::Message(o) => {
                if let Err(e) = deliver_message(&state, &o).await {
                    message_failed(&state, &o.id, &o.contact, &e);
                }
                let left = {
                    let mut inflight = inflight_messages.lock().unwrap_or_else(|p| p.into_inner());
                    inflight.remove(&o.id);
                    inflight.len()
                };
                // Running low: the sender's pass hands over the next batch now rather than on
                // its next wake-up.
                if left == MESSAGE_BATCH / 2 {
                    state.sending.wake();
                }
            }
        }
    }
}

/// A message that could not be prepared or handed over for a reason that is not the relay's:
/// marked failed, so that the sender does not offer it again and again.
fn message_failed(state: &AppState, id: &MailId, contact: &ContactId, e: &anyhow::Error) {
    let error = crate::domain::email::mask_addresses_in(&e.to_string());
    tracing::error!(message_id = %id, error, "message failed");
    let slot = Slot { state: SlotState::Failed, attempts: 1, at: Utc::now().timestamp(), note: Note::Error };
    let _ = state.sending.outbox.set_message_slot(id, contact, &slot);
}

/// A preparation thread of the transactional queue (apart from the campaigns', so that a
/// confirmation never waits behind a campaign's messages being prepared).
fn prepare_messages(
    weak: Weak<AppState>,
    jobs: Arc<Mutex<std::sync::mpsc::Receiver<(MailId, ContactId)>>>,
    ready: tokio::sync::mpsc::Sender<Work>,
    inflight_messages: Arc<Mutex<HashSet<MailId>>>,
) {
    loop {
        let job = jobs.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok((id, contact)) = job else { return };
        let work = {
            let Some(state) = weak.upgrade() else { return };
            match prepare_message(&state, &id, &contact) {
                Ok(Some(o)) => Some(Work::Message(o)),
                Ok(None) => {
                    // Refused or failed to render: its slot says so, committed like a lane's.
                    if let Err(e) = state.store.commit() {
                        tracing::error!(error = %e, "outbox commit failed");
                    }
                    None
                }
                Err(e) => {
                    message_failed(&state, &id, &contact, &e);
                    None
                }
            }
        };
        match work {
            Some(w) => {
                if ready.blocking_send(w).is_err() {
                    return;
                }
            }
            None => {
                let left = {
                    let mut inflight = inflight_messages.lock().unwrap_or_else(|p| p.into_inner());
                    inflight.remove(&id);
                    inflight.len()
                };
                if left == MESSAGE_BATCH / 2 {
                    if let Some(state) = weak.upgrade() {
                        state.sending.wake();
                    }
                }
            }
        }
    }
}

/// What a lane decided about one slot.
struct Result_ {
    slot: Slot,
    failed: bool,
    error: Option<String>,
}

fn backoff(state: &AppState, attempts: u8) -> i64 {
    let base = state.config.mail.retry_base_secs.max(1) as i64;
    (base << (attempts.saturating_sub(1)).min(10)).min(6 * 3600)
}

/// The slot after an outcome.
fn after_outcome(state: &AppState, mut slot: Slot, outcome: &Outcome) -> Result_ {
    let now = Utc::now().timestamp();
    slot.attempts = slot.attempts.saturating_add(1);
    match outcome {
        Outcome::Accepted { .. } => Result_ {
            slot: Slot { state: SlotState::Sent, at: now, note: Note::None, ..slot },
            failed: false,
            error: None,
        },
        Outcome::Temporary(f) => {
            let note = f.code.map_or(Note::Network, Note::Smtp);
            let state_ =
                if slot.attempts >= state.config.mail.max_attempts { SlotState::Failed } else { SlotState::Retry };
            let at = if state_ == SlotState::Retry { now + backoff(state, slot.attempts) } else { now };
            Result_ { slot: Slot { state: state_, at, note, ..slot }, failed: true, error: Some(f.to_string()) }
        }
        Outcome::Permanent(f) => Result_ {
            slot: Slot { state: SlotState::Failed, at: now, note: f.code.map_or(Note::Network, Note::Smtp), ..slot },
            failed: true,
            error: Some(f.to_string()),
        },
    }
}

fn skipped(slot: Slot, note: Note) -> Slot {
    Slot { state: SlotState::Skipped, at: Utc::now().timestamp(), note, ..slot }
}

/// Everything before the hand-over: whether the slot is still due and the contact still
/// qualifies, then rendering, composing and signing. `None` when there is nothing to send (the
/// slot is recorded as skipped or failed where that applies).
fn prepare_campaign_message(
    state: &AppState,
    run: &Arc<Run>,
    contact_id: &ContactId,
) -> anyhow::Result<Option<Prepared>> {
    let outbox = &state.sending.outbox;
    let Some(slot) = outbox.slot(&run.id, contact_id)? else { return Ok(None) };
    if !slot.due(run.now()) {
        return Ok(None);
    }
    let was_retry = slot.state == SlotState::Retry;
    // Whether the contact still qualifies, read from the records themselves (the search index
    // that chose the audience may be a moment behind).
    let found = state.contacts.get_with_consents(contact_id)?;
    let mut engagement = None;
    let skip = match &found {
        None => Some(Note::Erased),
        Some((c, consents, _)) => {
            engagement = consents.get(crate::tracking::ENGAGEMENT).map(|(s, _)| *s);
            let kind = Kind::Marketing { purpose: &run.purpose, needs_consent: run.needs_consent };
            match super::may_mail(state, kind, c, consents)? {
                Err(refusal) => Some(note_of(refusal)),
                Ok(()) if super::ops::excluded(state, &run.exclude, contact_id)? => Some(Note::Excluded),
                Ok(()) => None,
            }
        }
    };
    if let Some(note) = skip {
        outbox.set_slot(&run.id, contact_id, &skipped(slot, note))?;
        run.skipped.fetch_add(1, Ordering::Relaxed);
        if was_retry {
            run.retrying.fetch_sub(1, Ordering::Relaxed);
        }
        return Ok(None);
    }
    let (contact, _, _) = found.expect("checked above");
    // The contact's language's version where the campaign has one, its own text otherwise.
    let variant = contact
        .locale
        .as_deref()
        .and_then(|l| crate::i18n::catalogue().find(l))
        .and_then(|l| run.variants.get(&l.code));
    // An A/B test's variant for this contact (its bucket, or the winner); a campaign with a
    // test has no language versions (they are refused together).
    let tested = run.ab.as_ref().and_then(|ab| {
        let i = ab.test.variant_for(&run.id, contact_id)?;
        ab.others.get(i.checked_sub(1)?)
    });
    let (prepared, preheader, lang) = match (tested, variant) {
        (Some((p, preheader, _)), _) => (p, preheader.as_str(), run.lang),
        (None, Some((p, preheader, lang))) => (p, preheader.as_str(), *lang),
        (None, None) => (&run.prepared, run.preheader.as_str(), run.lang),
    };
    let links = links::message_links(&state.config, state.store.keyring(), contact_id, Some(&run.id.to_string()));
    let (organisation, postal_address) = &run.identity;
    let legal_footer = run.legal_footers.for_language(&lang.code, &run.lang.code);
    let system = crate::mail::SystemLinks {
        organisation,
        postal_address,
        legal_footer,
        language: Some(lang),
        ..links.system_links()
    };
    let rendered = match prepared.render(&super::merge_fields(&contact), &system) {
        Ok(mut r) => {
            decorate(state, &run.mailing, &mut r, contact_id, engagement);
            crate::mail::template::insert_preheader(&mut r.html, preheader);
            r
        }
        Err(e) => {
            outbox.set_slot(
                &run.id,
                contact_id,
                &Slot { state: SlotState::Failed, at: Utc::now().timestamp(), note: Note::RenderFailed, ..slot },
            )?;
            run.failed.fetch_add(1, Ordering::Relaxed);
            *run.last_error.lock().unwrap_or_else(|p| p.into_inner()) = format!("template: {e}");
            return Ok(None);
        }
    };
    let [(h1, v1), (h2, v2)] = links::list_unsubscribe_headers(&links);
    let mut from = crate::senders::current(state, &run.sender);
    if let Some((_, _, Some(name))) = tested {
        from.name = name.clone();
    }
    let list_id = format!("{} <{}.{}>", header_safe(&run.name), run.id.to_string().replace('-', ""), from.domain());
    let feedback_id = format!("{}:campaign:tidings", run.id);
    let headers = [
        (h1, v1.as_str()),
        (h2, v2.as_str()),
        ("List-Id", list_id.as_str()),
        ("Feedback-ID", &feedback_id),
        ("Content-Language", &lang.code),
    ];
    let message_id = state.mailer.message_id_on(
        from.domain(),
        &format!("c.{}.{}", run.id.to_string().replace('-', ""), contact_id.to_string().replace('-', "")),
    )?;
    let (envelope, bytes) = signed(state, &from, &contact, contact_id, &rendered, &message_id, &headers)?;
    Ok(Some(Prepared { run: run.clone(), contact: *contact_id, slot, engagement, envelope, bytes }))
}

/// The hand-over to the relay and the durable record of its outcome. The lane carries nothing
/// else until the record is on disk.
async fn deliver_campaign_message(state: &Arc<AppState>, p: &Prepared) -> anyhow::Result<()> {
    let (run, contact_id, engagement, outbox) = (&p.run, &p.contact, p.engagement, &state.sending.outbox);
    let was_retry = p.slot.state == SlotState::Retry;
    let outcome = state.mailer.send(run.relay.as_deref(), &p.envelope, &p.bytes).await?;
    let result = after_outcome(state, p.slot, &outcome);
    let accepted = matches!(outcome, Outcome::Accepted { .. });
    // Measured: the base of the report's open and click rates.
    let measured = accepted && crate::tracking::person_allowed(state.config.tracking.engagement, engagement);
    // The outcome's effect on the contact (a refused recipient is bounced) is written before
    // the outcome itself: the store recovers a prefix of its writes, so a crash can never keep
    // the failed slot (which is not sent again) and lose the bounce (which keeps the address
    // out of the next campaign). A crash after the bounce only leaves the slot to be settled
    // at restart, where the bounced address is skipped.
    if let Outcome::Permanent(f) = &outcome {
        if f.stage == crate::mail::Stage::Recipient {
            hard_bounce(state, contact_id, f, Some(&run.id), &format!("campaign:{}:{contact_id}", run.id));
            crate::fault::point("send.after_bounce");
        }
    }
    // An accepted message's entry on the change feed goes ahead of its slot (see
    // `Feed::write_ahead`): the same commit carries both.
    let sent = if accepted {
        let change = crate::domain::Change::MessageSent { contact: *contact_id, campaign: Some(run.id), measured };
        Some(state.feed.write_ahead(change)?)
    } else {
        None
    };
    outbox.set_slot(&run.id, contact_id, &result.slot)?;
    // The durability gate: this lane carries nothing else until the result is on disk.
    state.store.commit_async().await?;
    if let Some(sent) = sent {
        sent.announce();
    }
    if was_retry {
        run.retrying.fetch_sub(1, Ordering::Relaxed);
    }
    match result.slot.state {
        SlotState::Sent => run.sent.fetch_add(1, Ordering::Relaxed),
        SlotState::Retry => run.retrying.fetch_add(1, Ordering::Relaxed),
        _ => run.failed.fetch_add(1, Ordering::Relaxed),
    };
    count_message(state, result.slot.state);
    if let Some(e) = &result.error {
        *run.last_error.lock().unwrap_or_else(|p| p.into_inner()) = e.clone();
    }
    if let Some(rate) = run.observe(result.failed) {
        if rate >= state.config.mail.pause_error_percent as usize && state.config.mail.pause_error_percent > 0 {
            let last = run.last_error.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let reason = format!(
                "Paused automatically: {rate}% of the last {} messages failed (the limit is {}%). Last error: {last}",
                run.window.lock().unwrap_or_else(|p| p.into_inner()).len(),
                state.config.mail.pause_error_percent
            );
            let st = state.clone();
            let id = run.id;
            let _ = tokio::task::spawn_blocking(move || super::ops::brake(&st, &id, &reason)).await;
        }
    }
    Ok(())
}

/// A relay refused the recipient for good: recorded as a hard bounce (which marks the address).
/// `event_id` names the outbox entry, so a resend after a crash does not count twice.
fn hard_bounce(
    state: &AppState,
    contact: &ContactId,
    f: &crate::mail::Failure,
    campaign: Option<&CampaignId>,
    event_id: &str,
) {
    use crate::mail::bounce::{BounceEvent, BounceKind};
    // The enhanced status code (5.1.1) when the reply carries one, else the reply's class.
    let status = f
        .text
        .split_whitespace()
        .find(|w| {
            w.split('.').count() == 3 && w.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}.0.0", f.code.unwrap_or(500) / 100));
    let mut event = BounceEvent::new(BounceKind::Hard, "smtp").status(&status).diagnostic(&f.text).event_id(event_id);
    if let Some(c) = campaign {
        event = event.campaign(&c.to_string());
    }
    if let Err(e) = crate::mail::bounce::record(state, contact, event) {
        tracing::error!(error = %e, "recording a bounce failed");
    }
}

/// Due messages of the transactional queue handed to the preparation threads per pass.
const MESSAGE_BATCH: usize = 256;

/// A transactional or composed message rendered, composed and signed on a preparation thread,
/// and what its lane needs to record the result.
struct Outgoing {
    id: MailId,
    contact: ContactId,
    slot: Slot,
    envelope: Envelope,
    bytes: Vec<u8>,
    /// A composed (marketing) message: its mailing id and whether its sending is measured.
    composed: Option<(CampaignId, bool)>,
}

/// Everything before a message's hand-over: still due, the contact still there and allowed to
/// get it, rendered and signed. `None` when there is nothing to send: a refusal or a failure
/// to render is recorded in its slot here (committed by the caller).
fn prepare_message(state: &AppState, id: &MailId, contact_id: &ContactId) -> anyhow::Result<Option<Outgoing>> {
    let outbox = &state.sending.outbox;
    let Some((_, slot)) = outbox.message_slot(id)? else { return Ok(None) };
    if !slot.due(Utc::now().timestamp()) {
        return Ok(None);
    }
    let (Some(m), Some((contact, consents, _))) =
        (outbox.message(contact_id, id)?, state.contacts.get_with_consents(contact_id)?)
    else {
        outbox.set_message_slot(id, contact_id, &skipped(slot, Note::Erased))?;
        return Ok(None);
    };
    if let Some((composer, reference)) = state.sending.composer_of(&m.template) {
        return prepare_composed(state, id, slot, &m, (contact, consents), composer.compose(reference)?);
    }
    // A form's confirmation goes to a suppressed address too: confirming is how it comes back.
    // The privacy portal's link must reach a restricted person: it is how they exercise rights.
    // The notice that processing is restricted must reach the person it restricts.
    let kind = Kind::Transactional {
        to_suppressed: m.template == super::templates::CONFIRM_SUBSCRIPTION && m.by.starts_with("form:"),
        to_restricted: m.template == super::templates::PRIVACY_LINK || m.template == super::templates::REQUEST_OUTCOME,
    };
    if let Err(refusal) = super::may_mail(state, kind, &contact, &consents)? {
        outbox.set_message_slot(id, contact_id, &skipped(slot, note_of(refusal)))?;
        return Ok(None);
    }
    let rendered = state
        .sending
        .templates
        .get(&m.template)?
        .ok_or_else(|| format!("there is no template `{}`", m.template))
        .and_then(|t| {
            let data = serde_json::from_str(&m.data).unwrap_or_default();
            super::localized_message(state, &t, &contact, data).map_err(|e| e.to_string())
        })
        .and_then(|(prepared, lang, fields)| {
            let links = links::message_links(&state.config, state.store.keyring(), contact_id, None);
            let (organisation, postal_address) = super::identity(state);
            let legal_footer = super::legal_footer(state, lang);
            let system = crate::mail::SystemLinks {
                organisation: &organisation,
                postal_address: &postal_address,
                legal_footer: &legal_footer,
                language: Some(lang),
                ..links.system_links()
            };
            let mut rendered = prepared.render(&fields, &system).map_err(|e| e.to_string())?;
            let mailing = crate::tracking::Mailing::from_template(
                crate::tracking::links::template_mailing_id(&m.template, prepared.html_template()),
                crate::tracking::MailingKind::Template(m.template.clone()),
                prepared.html_template(),
            );
            let mailing = state.tracking.register(mailing).map_err(|e| e.to_string())?;
            let engagement = consents.get(crate::tracking::ENGAGEMENT).map(|(s, _)| *s);
            decorate(state, &mailing, &mut rendered, contact_id, engagement);
            Ok((rendered, lang))
        });
    let (rendered, lang) = match rendered {
        Ok(r) => r,
        Err(e) => {
            let error = crate::domain::email::mask_addresses_in(&e.to_string());
            tracing::error!(message_id = %id, error, "transactional message could not be rendered");
            outbox.set_message_slot(
                id,
                contact_id,
                &Slot { state: SlotState::Failed, at: Utc::now().timestamp(), note: Note::RenderFailed, ..slot },
            )?;
            return Ok(None);
        }
    };
    let from = crate::senders::current(state, "");
    let message_id = state.mailer.message_id_on(from.domain(), &format!("m.{}", id.to_string().replace('-', "")))?;
    let (envelope, bytes) =
        signed(state, &from, &contact, contact_id, &rendered, &message_id, &[("Content-Language", &lang.code)])?;
    Ok(Some(Outgoing { id: *id, contact: *contact_id, slot, envelope, bytes, composed: None }))
}

/// The hand-over of a prepared message and its outcome, committed before the lane takes the
/// next one.
async fn deliver_message(state: &Arc<AppState>, o: &Outgoing) -> anyhow::Result<()> {
    // Withdrawn while it waited for a lane (the person said no, or was erased: the message and
    // its queue entry are gone): not sent, and its record not brought back.
    let still = |state: &AppState| -> anyhow::Result<bool> {
        Ok(state.sending.outbox.message_slot(&o.id)?.is_some_and(|(_, s)| s.due(i64::MAX)))
    };
    if !still(state)? {
        return Ok(());
    }
    let outcome = state.mailer.send(None, &o.envelope, &o.bytes).await?;
    let result = after_outcome(state, o.slot, &outcome);
    let mailing = o.composed.map(|(m, _)| m);
    // The effect before the outcome, as for campaigns (see `deliver_campaign_message`).
    if let Outcome::Permanent(f) = &outcome {
        if f.stage == crate::mail::Stage::Recipient {
            hard_bounce(state, &o.contact, f, mailing.as_ref(), &format!("message:{}", o.id));
        }
    }
    // A composed message is counted as a campaign's: the entry on the feed goes ahead of the
    // slot, in the same commit.
    let sent = match (o.composed, &outcome) {
        (Some((mailing, measured)), Outcome::Accepted { .. }) => {
            let change = crate::domain::Change::MessageSent { contact: o.contact, campaign: Some(mailing), measured };
            Some(state.feed.write_ahead(change)?)
        }
        _ => None,
    };
    if state.sending.outbox.message_slot(&o.id)?.is_some() {
        state.sending.outbox.set_message_slot(&o.id, &o.contact, &result.slot)?;
    }
    state.store.commit_async().await?;
    if let Some(sent) = sent {
        sent.announce();
    }
    count_message(state, result.slot.state);
    if let Some(e) = result.error {
        let error = crate::domain::email::mask_addresses_in(&e);
        let state_ = result.slot.state.as_str();
        match o.composed {
            None => tracing::warn!(message_id = %o.id, error, state = state_, "transactional message not delivered"),
            Some(_) => tracing::warn!(message_id = %o.id, error, state = state_, "composed message not delivered"),
        }
    }
    Ok(())
}

/// A composed message compiled, and its mailing registered (its links' table on disk).
#[derive(Clone)]
pub(crate) struct ComposedReady {
    prepared: Arc<PreparedCampaign>,
    mailing: Arc<crate::tracking::Mailing>,
}

/// The compiled form of a composed message, from the cache or made once.
fn composed_ready(state: &AppState, key: &str, c: &super::Composed) -> Result<ComposedReady, String> {
    if let Some(r) = state.sending.composed.lock().unwrap_or_else(|p| p.into_inner()).get(key) {
        return Ok(r.clone());
    }
    let prepared = PreparedCampaign::prepare(
        &CampaignSource {
            subject: &c.subject,
            layout: default_campaign_layout(),
            body: &c.body,
            format: crate::mail::BodyFormat::Markdown,
        },
        Limits::default(),
    )
    .map_err(|e| e.to_string())?;
    let mailing = crate::tracking::Mailing::from_template(
        c.mailing.uuid(),
        crate::tracking::MailingKind::Campaign,
        prepared.html_template(),
    );
    let mailing = state.tracking.register(mailing).map_err(|e| e.to_string())?;
    let ready = ComposedReady { prepared: Arc::new(prepared), mailing };
    let mut cache = state.sending.composed.lock().unwrap_or_else(|p| p.into_inner());
    // Bounded: a shop has a few hundred journey steps at most; past that, start afresh.
    if cache.len() >= 1_000 {
        cache.clear();
    }
    cache.insert(key.to_string(), ready.clone());
    Ok(ready)
}

/// A message a room composes (see [`super::Composer`]): marketing mail, checked, linked,
/// headed and counted as a campaign's message is, under the composer's mailing id.
fn prepare_composed(
    state: &AppState,
    id: &MailId,
    slot: Slot,
    m: &super::TxMessage,
    (contact, consents): (crate::domain::Contact, crate::domain::ConsentStates),
    composed: Option<super::Composed>,
) -> anyhow::Result<Option<Outgoing>> {
    let outbox = &state.sending.outbox;
    let contact_id = &m.contact;
    let Some(c) = composed else {
        let failed = Slot { state: SlotState::Failed, at: Utc::now().timestamp(), note: Note::RenderFailed, ..slot };
        outbox.set_message_slot(id, contact_id, &failed)?;
        return Ok(None);
    };
    // Consent to its purpose and the status, as they are now (a run may have waited days).
    let needs_consent = state.purposes.get(&c.purpose)?.is_none_or(|p| p.basis == LawfulBasis::Consent);
    let kind = Kind::Marketing { purpose: &c.purpose, needs_consent };
    if let Err(refusal) = super::may_mail(state, kind, &contact, &consents)? {
        outbox.set_message_slot(id, contact_id, &skipped(slot, note_of(refusal)))?;
        return Ok(None);
    }
    let engagement = consents.get(crate::tracking::ENGAGEMENT).map(|(s, _)| *s);
    let lang = contact
        .locale
        .as_deref()
        .and_then(|l| crate::i18n::catalogue().find(l))
        .unwrap_or_else(|| super::shop_language(state));
    let mailing_ref = c.mailing.to_string();
    let links = links::message_links(&state.config, state.store.keyring(), contact_id, Some(&mailing_ref));
    let rendered = composed_ready(state, &m.template, &c).and_then(|ready| {
        let (prepared, mailing) = (&ready.prepared, &ready.mailing);
        let (organisation, postal_address) = super::identity(state);
        let legal_footer = super::legal_footer(state, lang);
        let system = crate::mail::SystemLinks {
            organisation: &organisation,
            postal_address: &postal_address,
            legal_footer: &legal_footer,
            language: Some(lang),
            ..links.system_links()
        };
        let mut rendered = prepared.render(&super::merge_fields(&contact), &system).map_err(|e| e.to_string())?;
        decorate(state, mailing, &mut rendered, contact_id, engagement);
        crate::mail::template::insert_preheader(&mut rendered.html, &c.preheader);
        Ok(rendered)
    });
    let rendered = match rendered {
        Ok(r) => r,
        Err(e) => {
            let error = crate::domain::email::mask_addresses_in(&e);
            tracing::error!(message_id = %id, error, "a composed message could not be rendered");
            let failed =
                Slot { state: SlotState::Failed, at: Utc::now().timestamp(), note: Note::RenderFailed, ..slot };
            outbox.set_message_slot(id, contact_id, &failed)?;
            return Ok(None);
        }
    };
    let [(h1, v1), (h2, v2)] = links::list_unsubscribe_headers(&links);
    let from = crate::senders::current(state, &c.sender);
    let list_id = format!("{} <{}.{}>", header_safe(&c.name), mailing_ref.replace('-', ""), from.domain());
    let feedback_id = format!("{}:campaign:tidings", c.mailing);
    let headers = [
        (h1, v1.as_str()),
        (h2, v2.as_str()),
        ("List-Id", list_id.as_str()),
        ("Feedback-ID", &feedback_id),
        ("Content-Language", &lang.code),
    ];
    let message_id = state.mailer.message_id_on(from.domain(), &format!("m.{}", id.to_string().replace('-', "")))?;
    let (envelope, bytes) = signed(state, &from, &contact, contact_id, &rendered, &message_id, &headers)?;
    let measured = crate::tracking::person_allowed(state.config.tracking.engagement, engagement);
    Ok(Some(Outgoing { id: *id, contact: *contact_id, slot, envelope, bytes, composed: Some((c.mailing, measured)) }))
}

/// A rendered message to one contact composed, signed and enveloped (the VERP return path
/// names the contact).
fn signed(
    state: &AppState,
    from: &crate::senders::Sender,
    contact: &crate::domain::Contact,
    contact_id: &ContactId,
    rendered: &crate::mail::template::RenderedMessage,
    message_id: &crate::mail::MessageId,
    headers: &[(&str, &str)],
) -> anyhow::Result<(Envelope, Vec<u8>)> {
    // A name stored before the header rule applied to names may hold a line separator.
    let name = crate::domain::header::clean(&contact.name());
    let message = Message {
        from: from.mailbox(),
        to: Mailbox::new(&name, contact.email.as_str()),
        reply_to: &from.reply_to,
        subject: &rendered.subject,
        message_id,
        date: Utc::now(),
        headers,
        text: &rendered.text,
        html: Some(&rendered.html),
    };
    let bytes = state.mailer.compose(&message)?;
    let verp = crate::mail::bounce::verp_token(state.store.keyring(), contact_id);
    let envelope =
        Envelope::new(&state.mailer.envelope_sender_for(Some(&verp), &from.address)?, &[contact.email.as_str()])?;
    Ok((envelope, bytes))
}

/// Click redirects and the open pixel, as `tracking` allows for this contact: per-person
/// measurement only under the engagement policy; otherwise clicks count in the totals only and
/// there is no pixel.
fn decorate(
    state: &AppState,
    mailing: &crate::tracking::Mailing,
    rendered: &mut crate::mail::template::RenderedMessage,
    contact: &ContactId,
    engagement: Option<ConsentState>,
) {
    let t = &state.config.tracking;
    let person = crate::tracking::person_allowed(t.engagement, engagement);
    let public_url = state.config.public_url();
    mailing.decorate(
        rendered,
        &crate::tracking::Decoration {
            keyring: state.store.keyring(),
            public_url: &public_url,
            contact: person.then_some(*contact),
            sent_at: Utc::now(),
            clicks: t.clicks,
            pixel: person,
        },
    );
}

/// The `messages` metric, after a relay's answer is on disk.
fn count_message(state: &AppState, slot: SlotState) {
    let outcome = match slot {
        SlotState::Sent => "sent",
        SlotState::Retry => "deferred",
        _ => "failed",
    };
    crate::metrics::Metrics::count(&state.metrics.messages, outcome, 1);
}

/// A display name for a header: no line breaks, no angle brackets.
fn header_safe(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() && !matches!(c, '<' | '>' | '"')).take(80).collect()
}

pub(super) fn audit_system(state: &AppState, action: Action, id: &CampaignId, detail: Option<(&str, String)>) {
    let mut event = Event::new(Actor::System, action).target(id.reference());
    if let Some((k, v)) = detail {
        event = event.detail(k, v);
    }
    if let Err(e) = state.audit.record(event) {
        tracing::error!(error = %e, "audit failed");
    }
}

use crate::mail::links;

/// How a refused message is noted in its slot.
fn note_of(refusal: Refusal) -> Note {
    match refusal {
        Refusal::NotSubscribed => Note::NotSubscribed,
        Refusal::Suppressed => Note::Suppressed,
        Refusal::Restricted => Note::Restricted,
        Refusal::NoConsent => Note::NoConsent,
    }
}
