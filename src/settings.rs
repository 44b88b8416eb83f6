//! Settings the operator changes at run time from the UI (the config file holds the rest).
//! Every change is audited with the names of the fields that changed.

use serde::{Deserialize, Serialize};

use crate::store::registry::{Holds, Registration};
use crate::store::{Result, Store};

pub const TREE: &str = "settings";
pub(crate) const KEY: &[u8] = b"settings";

pub const REGISTRATION: Registration = Registration {
    tree: TREE,
    purpose: "organisation-wide settings",
    holds: Holds::Nothing { why: "the controller's organisation details, not data about a person" },
};

/// Also the shape of the settings form and of `PUT /api/v1/settings` (missing fields take their
/// defaults, unknown ones are refused).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Shown in the UI header and later in mail footers and the privacy portal.
    pub organisation: String,
    /// The controller's postal address (GDPR Art. 13 information).
    pub postal_address: String,
    /// Where data subjects and the authorities reach the data-protection officer.
    pub dpo_contact: String,
    /// Shown on the login page (e.g. "Authorised staff only").
    pub login_notice: String,
    /// The shop's time zone (IANA name): a date typed in a form means that day there.
    pub time_zone: String,
    /// Roles whose users must use a second factor: one without it is taken to enrolment at
    /// sign-in, before anything else. All roles means everyone.
    pub two_factor_required: Vec<crate::domain::Role>,
    /// The shop's currency (ISO 4217), shown beside every revenue figure.
    pub currency: String,
    /// The language of public pages and mail when nothing says the reader's (a code of a
    /// shipped catalogue: `de`, `fr`).
    pub language: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            organisation: "My shop".into(),
            postal_address: String::new(),
            dpo_contact: String::new(),
            login_notice: String::new(),
            time_zone: "UTC".into(),
            two_factor_required: Vec::new(),
            currency: "EUR".into(),
            language: crate::i18n::SOURCE.into(),
        }
    }
}

impl Settings {
    /// Surrounding white space is never meaningful here.
    pub fn normalised(mut self) -> Self {
        for f in [&mut self.organisation, &mut self.dpo_contact, &mut self.login_notice, &mut self.time_zone] {
            *f = f.trim().to_string();
        }
        // A textarea sends CRLF and stray blanks: one line per address line, nothing else.
        self.postal_address = self.address_lines().join("\n");
        if self.time_zone.is_empty() {
            self.time_zone = "UTC".into();
        }
        self.currency = self.currency.trim().to_uppercase();
        if self.currency.is_empty() {
            self.currency = "EUR".into();
        }
        self.language = self.language.trim().to_string();
        if self.language.is_empty() {
            self.language = crate::i18n::SOURCE.into();
        }
        self.two_factor_required.sort();
        self.two_factor_required.dedup();
        self
    }

    /// Must a user of this role have a second factor?
    pub fn requires_two_factor(&self, role: crate::domain::Role) -> bool {
        self.two_factor_required.contains(&role)
    }

    /// The rule in words, for the records of processing and the settings page.
    pub fn two_factor_rule(&self) -> String {
        use crate::domain::Role;
        match self.two_factor_required.len() {
            0 => "available to every user, required of none".into(),
            n if n == Role::ALL.len() => "required of every user".into(),
            _ => format!(
                "required of {}; available to every other user",
                self.two_factor_required.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// The postal address's lines, trimmed, without empty ones (whatever line breaks it has).
    pub fn address_lines(&self) -> Vec<&str> {
        self.postal_address.lines().map(|l| l.trim()).filter(|l| !l.is_empty()).collect()
    }

    /// The postal address on one line ("Hauptstraße 1, 10115 Berlin, Germany").
    pub fn address_line(&self) -> String {
        self.address_lines().join(", ")
    }

    /// The shop's time zone (UTC when the stored name is not one).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone.parse().unwrap_or(chrono_tz::UTC)
    }

    /// Today in the shop's time zone.
    pub fn today(&self, now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
        now.with_timezone(&self.tz()).date_naive()
    }

    /// The moment a date typed in a form stands for: noon of that day in the shop's time zone,
    /// or now when that is still to come today (so "today" is never in the future).
    pub fn moment_of(
        &self,
        day: chrono::NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> chrono::DateTime<chrono::Utc> {
        use chrono::TimeZone;
        let noon = day.and_hms_opt(12, 0, 0).expect("noon exists");
        let at = self.tz().from_local_datetime(&noon).earliest().map(|t| t.with_timezone(&chrono::Utc)).unwrap_or(now);
        if day == self.today(now) {
            at.min(now)
        } else {
            at
        }
    }

    /// Validates every field; the error names the field.
    pub fn validate(&self) -> std::result::Result<(), (&'static str, String)> {
        let fields: [(&'static str, &str, usize); 4] = [
            ("organisation", &self.organisation, 120),
            ("postal_address", &self.postal_address, 500),
            ("dpo_contact", &self.dpo_contact, 254),
            ("login_notice", &self.login_notice, 300),
        ];
        for (name, value, max) in fields {
            if value.chars().count() > max {
                return Err((name, format!("must be at most {max} characters")));
            }
            if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
                return Err((name, "must not contain control characters".into()));
            }
        }
        // The organisation's name goes into mail subjects (a breach notice's): one line.
        if let Err(e) = crate::domain::HeaderText::parse(&self.organisation, 120) {
            return Err(("organisation", e.to_string()));
        }
        if self.organisation.trim().is_empty() {
            return Err(("organisation", "must not be empty".into()));
        }
        if self.currency.len() != 3 || !self.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(("currency", format!("`{}` is not a currency code such as EUR", self.currency)));
        }
        if !crate::i18n::catalogue().languages().iter().any(|l| l.code == self.language) {
            return Err(("language", format!("Tidings has no translation `{}`", self.language)));
        }
        if self.time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(("time_zone", format!("`{}` is not a time zone name such as Europe/Berlin", self.time_zone)));
        }
        Ok(())
    }

    /// Names of the fields that differ (read off the settings' own JSON form, so a setting
    /// added later is covered without a line here).
    pub fn changed_fields(&self, other: &Settings) -> Vec<String> {
        let (mine, theirs) = (serde_json::to_value(self), serde_json::to_value(other));
        let (Ok(serde_json::Value::Object(mine)), Ok(serde_json::Value::Object(theirs))) = (mine, theirs) else {
            return Vec::new();
        };
        mine.into_iter().filter(|(k, v)| theirs.get(k) != Some(v)).map(|(k, _)| k).collect()
    }
}

/// The legal footer (Impressum) lives in a tree of its own, one record for every language:
/// `PUT /api/v1/settings` replaces the whole [`Settings`], which must never wipe it, and one
/// record makes a save of several languages all or nothing.
pub const LEGAL_FOOTERS_TREE: &str = "legal_footers";
const LEGAL_FOOTERS_KEY: &[u8] = b"footers";

pub const LEGAL_FOOTERS_REGISTRATION: Registration = Registration {
    tree: LEGAL_FOOTERS_TREE,
    purpose: "the legal footer of every mail (register entry, managing directors, VAT id), per language",
    holds: Holds::Nothing {
        why: "written by the controller about itself (the names it must print by law); names no contact or user",
    },
};

/// The most a legal footer may hold, in characters and in lines: a footer prints under every
/// mail, and the lines the law asks for (register court and number, managing directors, VAT
/// id, supervisory authority) fit in this.
pub const LEGAL_FOOTER_MAX_CHARS: usize = 600;
pub const LEGAL_FOOTER_MAX_LINES: usize = 6;

/// The legal footer per language code of the public catalogue (`de`, `fr`): plain text, one
/// line per line printed, under the organisation's name in every mail written in that
/// language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LegalFooters(pub std::collections::BTreeMap<String, String>);

impl LegalFooters {
    /// The footer of a mail written in `language`: that language's, else the one in the shop's
    /// language (`shop`), else none.
    pub fn for_language(&self, language: &str, shop: &str) -> &str {
        self.0.get(language).or_else(|| self.0.get(shop)).map_or("", String::as_str)
    }

    /// A footer as typed, tidied: one line per line (whatever line breaks it has), each
    /// trimmed, no empty ones.
    pub fn normalise(text: &str) -> String {
        text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
    }

    /// The form and API field of one language's footer (`legal_footer.de`); None for a code
    /// that is not a language of the catalogue. Made once per language: an error names its
    /// field for as long as the program runs.
    pub fn field(code: &str) -> Option<&'static str> {
        static FIELDS: std::sync::OnceLock<std::collections::BTreeMap<String, &'static str>> =
            std::sync::OnceLock::new();
        let fields = FIELDS.get_or_init(|| {
            crate::i18n::catalogue()
                .languages()
                .iter()
                .map(|l| (l.code.clone(), &*Box::leak(format!("legal_footer.{}", l.code).into_boxed_str())))
                .collect()
        });
        fields.get(code).copied()
    }

    /// One language's footer checked and tidied; the error names the field.
    pub fn check(code: &str, text: &str) -> std::result::Result<String, (&'static str, String)> {
        let field = Self::field(code).ok_or_else(|| {
            ("language", format!("Tidings has no translation `{}`", code.chars().take(20).collect::<String>()))
        })?;
        let text = Self::normalise(text);
        let chars = text.chars().count();
        if chars > LEGAL_FOOTER_MAX_CHARS {
            return Err((field, format!("must be at most {LEGAL_FOOTER_MAX_CHARS} characters (it has {chars})")));
        }
        let lines = text.lines().count();
        if lines > LEGAL_FOOTER_MAX_LINES {
            return Err((field, format!("must be at most {LEGAL_FOOTER_MAX_LINES} lines (it has {lines})")));
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err((field, "must not contain control characters".into()));
        }
        Ok(text)
    }
}

/// The sender identities live under their own key of the settings tree, not in [`Settings`]:
/// the organisation form and `PUT /api/v1/settings` replace the whole `Settings` (missing
/// fields take their defaults), which must never wipe the senders, and a sender's pending
/// verification token must not appear in `GET /api/v1/settings`.
pub(crate) const SENDERS_KEY: &[u8] = b"senders";

/// What the mailer reads for every message: the settings and the senders, parsed once and kept
/// until the next save.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub settings: Settings,
    pub senders: crate::senders::SenderBook,
    pub legal_footers: LegalFooters,
}

#[derive(Clone)]
pub struct SettingsRepo {
    store: Store,
    tree: sled::Tree,
    footers: crate::store::PlainTree<LegalFooters>,
    /// One change of the legal footers at a time: each reads the record, changes one
    /// language and writes it back.
    footers_lock: std::sync::Arc<std::sync::Mutex<()>>,
    /// The parsed snapshot, and a generation bumped by every save: a reader that raced a save
    /// does not keep what it read (it read the old values).
    cache: std::sync::Arc<std::sync::RwLock<Option<std::sync::Arc<Snapshot>>>>,
    generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// Stored as JSON (since schema version 4): a setting added later reads its default from an
/// older record, without a migration each time.
impl SettingsRepo {
    pub fn open(store: &Store) -> Result<Self> {
        Ok(Self {
            tree: store.tree(TREE)?,
            footers: store.plain(LEGAL_FOOTERS_TREE)?,
            footers_lock: Default::default(),
            store: store.clone(),
            cache: Default::default(),
            generation: Default::default(),
        })
    }

    /// The settings and the senders as saved, without reading the store again until a save.
    pub fn snapshot(&self) -> Result<std::sync::Arc<Snapshot>> {
        use std::sync::atomic::Ordering;
        if let Some(s) = self.cache.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
            return Ok(s.clone());
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let snapshot = std::sync::Arc::new(Snapshot {
            settings: self.get()?,
            senders: self.senders()?,
            legal_footers: self.legal_footers()?,
        });
        let mut cache = self.cache.write().unwrap_or_else(|p| p.into_inner());
        if self.generation.load(Ordering::SeqCst) == generation {
            *cache = Some(snapshot.clone());
        }
        Ok(snapshot)
    }

    fn forget(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *self.cache.write().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn senders(&self) -> Result<crate::senders::SenderBook> {
        match self.tree.get(SENDERS_KEY)? {
            None => Ok(Default::default()),
            Some(raw) => Ok(serde_json::from_slice(&raw)?),
        }
    }

    pub fn save_senders(&self, book: &crate::senders::SenderBook) -> Result<()> {
        let raw = serde_json::to_vec(book)?;
        {
            let _gate = self.store.write_gate();
            self.tree.insert(SENDERS_KEY, raw)?;
        }
        self.forget();
        self.store.commit()
    }

    pub fn legal_footers(&self) -> Result<LegalFooters> {
        Ok(self.footers.get(LEGAL_FOOTERS_KEY)?.unwrap_or_default())
    }

    /// Changes the legal footers (`change` gets them as saved) and saves them, flushed, as one
    /// record; returns them as saved.
    pub fn change_legal_footers(&self, change: impl FnOnce(&mut LegalFooters)) -> Result<LegalFooters> {
        let _one_at_a_time = self.footers_lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut footers = self.legal_footers()?;
        change(&mut footers);
        self.footers.put(LEGAL_FOOTERS_KEY, &footers)?;
        self.forget();
        self.store.commit()?;
        Ok(footers)
    }

    /// The shop's time zone (UTC when the settings cannot be read or name none).
    pub fn zone(&self) -> chrono_tz::Tz {
        self.get().map(|s| s.tz()).unwrap_or(chrono_tz::UTC)
    }

    pub fn get(&self) -> Result<Settings> {
        match self.tree.get(KEY)? {
            None => Ok(Settings::default()),
            Some(raw) => Ok(serde_json::from_slice::<Settings>(&raw)?.normalised()),
        }
    }

    pub fn save(&self, s: &Settings) -> Result<()> {
        let raw = serde_json::to_vec(s)?;
        {
            let _gate = self.store.write_gate();
            self.tree.insert(KEY, raw)?;
        }
        self.forget();
        self.store.commit()
    }
}
