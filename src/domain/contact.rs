//! Contacts and their typed custom fields. Pure rules, no I/O: every write path (admin form, API,
//! bulk upsert, CSV import, merge) builds a [`ContactInput`] and applies it with the same
//! validation, so a value that one door refuses cannot come in through another.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::email::{mask_text, EmailAddress};
use super::ids::ContactId;

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 2000;
pub const MAX_TAGS: usize = 100;
pub const MAX_TAG_LEN: usize = 64;

/// A validation failure that names the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A phone number in E.164 (`+4930123456`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    /// Parses an international number (`+49 30 1234567`), or a national one when a default
    /// region (ISO 3166 code such as `DE`) is given.
    pub fn parse(raw: &str, region: Option<&str>) -> Result<Phone, String> {
        let s = raw.trim();
        if s.len() > 40 {
            return Err("is too long for a phone number".into());
        }
        let region = match region.filter(|r| !r.is_empty()) {
            Some(r) => Some(
                phonenumber::country::Id::from_str(&r.to_ascii_uppercase())
                    .map_err(|_| format!("unknown phone region `{r}`"))?,
            ),
            None => None,
        };
        let number = phonenumber::parse(region, s).map_err(|_| {
            if region.is_none() && !s.starts_with('+') {
                "include the country code, e.g. +49 30 1234567".to_string()
            } else {
                "is not a phone number".to_string()
            }
        })?;
        if !super::phone::is_valid(&number) {
            return Err("is not a valid phone number for its country".into());
        }
        // E.164 is the country code and the national number (with its leading zeros, as in
        // Italy); `number.format()` would also match the country's display patterns first.
        Ok(Phone(format!("+{}{}", number.code().value(), number.national())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A BCP 47 language tag in its common short forms: `de`, `de-AT`, `pt-BR`, `zh-Hant`.
pub fn parse_locale(raw: &str) -> Result<String, String> {
    let s = raw.trim().replace('_', "-");
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(format!("`{raw}` is not a language tag such as en, de-AT or pt-BR"));
    }
    let mut out = lang.to_ascii_lowercase();
    for p in parts {
        let ok = match p.len() {
            2 => p.chars().all(|c| c.is_ascii_alphabetic()),
            3 => p.chars().all(|c| c.is_ascii_digit()),
            4 => p.chars().all(|c| c.is_ascii_alphabetic()),
            _ => false,
        };
        if !ok {
            return Err(format!("`{raw}` is not a language tag such as en, de-AT or pt-BR"));
        }
        out.push('-');
        out.push_str(&match p.len() {
            2 => p.to_ascii_uppercase(),
            4 => format!("{}{}", p[..1].to_ascii_uppercase(), p[1..].to_ascii_lowercase()),
            _ => p.to_string(),
        });
    }
    Ok(out)
}

/// An IANA time zone name (`Europe/Berlin`).
pub fn parse_time_zone(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    s.parse::<chrono_tz::Tz>()
        .map(|tz| tz.name().to_string())
        .map_err(|_| format!("`{s}` is not a time zone name such as Europe/Berlin"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed up, confirmation mail not yet clicked.
    Pending,
    #[default]
    Subscribed,
    Unsubscribed,
    Bounced,
    Complained,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Pending, Status::Subscribed, Status::Unsubscribed, Status::Bounced, Status::Complained];
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Subscribed => "subscribed",
            Status::Unsubscribed => "unsubscribed",
            Status::Bounced => "bounced",
            Status::Complained => "complained",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Status::Pending => "Pending confirmation",
            Status::Subscribed => "Subscribed",
            Status::Unsubscribed => "Unsubscribed",
            Status::Bounced => "Bounced",
            Status::Complained => "Complained",
        }
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "pending confirmation" | "unconfirmed" => "pending",
            "unsubscribe" => "unsubscribed",
            other => other,
        };
        Status::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| format!("`{s}` is not a status (pending, subscribed, unsubscribed, bounced, complained)"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Form,
    Import,
    Api,
    Admin,
}

impl Source {
    pub fn as_str(&self) -> &'static str {
        match self {
            Source::Form => "form",
            Source::Import => "import",
            Source::Api => "api",
            Source::Admin => "admin",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Custom fields

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Number,
    Date,
    Boolean,
    Choice,
    MultiChoice,
}

impl FieldKind {
    pub const ALL: [FieldKind; 6] = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Boolean,
        FieldKind::Choice,
        FieldKind::MultiChoice,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Boolean => "boolean",
            FieldKind::Choice => "choice",
            FieldKind::MultiChoice => "multi_choice",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            FieldKind::Text => "Text",
            FieldKind::Number => "Number",
            FieldKind::Date => "Date",
            FieldKind::Boolean => "Yes / no",
            FieldKind::Choice => "Single choice",
            FieldKind::MultiChoice => "Multiple choice",
        }
    }
}

impl FromStr for FieldKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FieldKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| format!("`{s}` is not a field type (text, number, date, boolean, choice, multi_choice)"))
    }
}

/// The admin-defined schema of one custom field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldDef {
    /// Stable machine name used in the API, CSV headers and templates: `[a-z][a-z0-9_]*`.
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    /// Allowed values for choice fields.
    pub options: Vec<String>,
    /// Longest text accepted (text fields).
    pub max_len: u32,
    pub created_at: DateTime<Utc>,
}

/// Built-in contact attributes a custom field may not shadow.
pub const RESERVED_KEYS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "name",
    "phone",
    "locale",
    "time_zone",
    "tags",
    "lists",
    "status",
    "source",
    "created_at",
    "updated_at",
    "consent",
    "custom",
];

pub fn validate_field_key(key: &str) -> Result<(), String> {
    let ok = key.len() <= 40
        && key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        return Err("use 1 to 40 lower-case letters, digits and _ , starting with a letter".into());
    }
    if RESERVED_KEYS.contains(&key) {
        return Err(format!("`{key}` is a built-in field"));
    }
    Ok(())
}

impl FieldDef {
    pub fn new(
        key: &str,
        label: &str,
        kind: FieldKind,
        options: Vec<String>,
        max_len: Option<u32>,
    ) -> Result<Self, FieldError> {
        validate_field_key(key).map_err(|m| FieldError::new("key", m))?;
        let label = label.trim();
        if label.is_empty() || label.len() > 100 {
            return Err(FieldError::new("label", "a label of 1 to 100 characters is required"));
        }
        let mut opts: Vec<String> = Vec::new();
        for o in options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
            if o.len() > 100 {
                return Err(FieldError::new("options", format!("`{o}` is longer than 100 characters")));
            }
            if !opts.iter().any(|x| x == o) {
                opts.push(o.to_string());
            }
        }
        if matches!(kind, FieldKind::Choice | FieldKind::MultiChoice) && opts.is_empty() {
            return Err(FieldError::new("options", "a choice field needs at least one option"));
        }
        if !matches!(kind, FieldKind::Choice | FieldKind::MultiChoice) {
            opts.clear();
        }
        let max_len = max_len.unwrap_or(255).clamp(1, MAX_TEXT as u32);
        Ok(FieldDef {
            key: key.to_string(),
            label: label.to_string(),
            kind,
            options: opts,
            max_len,
            created_at: Utc::now(),
        })
    }

    /// Parses a value from text (forms, CSV). Empty text means "no value".
    pub fn parse_text(&self, raw: &str) -> Result<Option<FieldValue>, String> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(None);
        }
        Ok(Some(match self.kind {
            FieldKind::Text => {
                if s.chars().count() > self.max_len as usize {
                    return Err(format!("is longer than {} characters", self.max_len));
                }
                FieldValue::Text(s.to_string())
            }
            FieldKind::Number => {
                let n: f64 = s.replace(' ', "").parse().map_err(|_| format!("`{s}` is not a number"))?;
                if !n.is_finite() {
                    return Err(format!("`{s}` is not a number"));
                }
                FieldValue::Number(n)
            }
            FieldKind::Date => FieldValue::Date(
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))?,
            ),
            FieldKind::Boolean => FieldValue::Bool(match s.to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "1" | "on" | "ja" | "oui" => true,
                "false" | "no" | "n" | "0" | "off" | "nein" | "non" => false,
                _ => return Err(format!("`{s}` is not yes/no (true, false, yes, no, 1, 0)")),
            }),
            FieldKind::Choice => FieldValue::Choice(self.option(s)?),
            FieldKind::MultiChoice => {
                // Options may contain commas: a whole-value match wins, `;` or `|` separate
                // before `,` does.
                if let Ok(one) = self.option(s) {
                    return Ok(Some(FieldValue::Multi(vec![one])));
                }
                let parts: Vec<&str> =
                    if s.contains([';', '|']) { s.split([';', '|']).collect() } else { s.split(',').collect() };
                let mut picked = Vec::new();
                for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
                    let o = self.option(part)?;
                    if !picked.contains(&o) {
                        picked.push(o);
                    }
                }
                FieldValue::Multi(picked)
            }
        }))
    }

    /// Parses a value from JSON (API). `null` means "no value".
    pub fn parse_json(&self, v: &serde_json::Value) -> Result<Option<FieldValue>, String> {
        use serde_json::Value as J;
        match (v, &self.kind) {
            (J::Null, _) => Ok(None),
            (J::Number(n), FieldKind::Number) => {
                let f = n.as_f64().ok_or("is not a number")?;
                Ok(Some(FieldValue::Number(f)))
            }
            (J::Bool(b), FieldKind::Boolean) => Ok(Some(FieldValue::Bool(*b))),
            (J::Array(items), FieldKind::MultiChoice) => {
                let mut picked = Vec::new();
                for i in items {
                    let s = i.as_str().ok_or("must be a list of strings")?;
                    let o = self.option(s)?;
                    if !picked.contains(&o) {
                        picked.push(o);
                    }
                }
                Ok(Some(FieldValue::Multi(picked)))
            }
            (J::String(s), _) => self.parse_text(s),
            _ => Err(format!("must be a {}", self.kind.label().to_lowercase())),
        }
    }

    fn option(&self, s: &str) -> Result<String, String> {
        self.options
            .iter()
            .find(|o| o.eq_ignore_ascii_case(s.trim()))
            .cloned()
            .ok_or_else(|| format!("`{s}` is not one of: {}", self.options.join(", ")))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldValue {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    Choice(String),
    Multi(Vec<String>),
}

impl FieldValue {
    /// The value as text, as forms and CSV show it.
    pub fn display(&self) -> String {
        match self {
            FieldValue::Text(s) | FieldValue::Choice(s) => s.clone(),
            FieldValue::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
            FieldValue::Date(d) => d.format("%Y-%m-%d").to_string(),
            FieldValue::Bool(b) => if *b { "yes" } else { "no" }.into(),
            FieldValue::Multi(v) => v.join(", "),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            FieldValue::Text(s) | FieldValue::Choice(s) => json!(s),
            FieldValue::Number(n) => json!(n),
            FieldValue::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
            FieldValue::Bool(b) => json!(b),
            FieldValue::Multi(v) => json!(v),
        }
    }

    /// Does this value belong to this kind of field (after a schema change it may not)?
    pub fn fits(&self, def: &FieldDef) -> bool {
        matches!(
            (self, &def.kind),
            (FieldValue::Text(_), FieldKind::Text)
                | (FieldValue::Number(_), FieldKind::Number)
                | (FieldValue::Date(_), FieldKind::Date)
                | (FieldValue::Bool(_), FieldKind::Boolean)
                | (FieldValue::Choice(_), FieldKind::Choice)
                | (FieldValue::Multi(_), FieldKind::MultiChoice)
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Tags and lists

/// Tags are compared case-insensitively and stored lower-case: `vip`, `black-friday-2026`.
pub fn parse_tag(raw: &str) -> Result<String, String> {
    let t = raw.trim().to_lowercase();
    if t.is_empty() {
        return Err("a tag cannot be empty".into());
    }
    if t.chars().count() > MAX_TAG_LEN {
        return Err(format!("tag `{t}` is longer than {MAX_TAG_LEN} characters"));
    }
    if t.chars().any(|c| c.is_control() || c == ',') {
        return Err(format!("tag `{t}` contains a comma or control character"));
    }
    Ok(t)
}

/// Splits "a, b; c" into tags.
pub fn parse_tag_list(raw: &str) -> Result<Vec<String>, String> {
    raw.split([',', ';', '|']).map(str::trim).filter(|t| !t.is_empty()).map(parse_tag).collect()
}

/// A list's machine name (slug): lower-case letters, digits and `-`.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.chars().take(60).collect()
}

// ---------------------------------------------------------------------------------------------
// The contact

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub email: EmailAddress,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<Phone>,
    pub locale: Option<String>,
    pub time_zone: Option<String>,
    pub custom: BTreeMap<String, FieldValue>,
    pub tags: BTreeSet<String>,
    /// List slugs.
    pub lists: BTreeSet<String>,
    pub status: Status,
    pub source: Source,
    /// Where it came from in detail: `import:<batch>`, `token:<id>`, `user:<id>`, `form:<id>`.
    pub source_ref: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Ids of contacts merged into this one.
    pub merged_ids: Vec<ContactId>,
}

impl Contact {
    pub fn new(email: EmailAddress, source: Source, source_ref: String) -> Self {
        let now = Utc::now();
        Contact {
            id: ContactId::new(),
            email,
            first_name: String::new(),
            last_name: String::new(),
            phone: None,
            locale: None,
            time_zone: None,
            custom: BTreeMap::new(),
            tags: BTreeSet::new(),
            lists: BTreeSet::new(),
            status: Status::Subscribed,
            source,
            source_ref,
            created_at: now,
            updated_at: now,
            merged_ids: Vec::new(),
        }
    }

    pub fn name(&self) -> String {
        match (self.first_name.is_empty(), self.last_name.is_empty()) {
            (false, false) => format!("{} {}", self.first_name, self.last_name),
            (false, true) => self.first_name.clone(),
            (true, false) => self.last_name.clone(),
            (true, true) => String::new(),
        }
    }

    /// The contact with personal data masked (for roles that may not see it).
    pub fn masked(&self) -> Contact {
        let mut c = self.clone();
        c.email = self.email.masked_value();
        c.first_name = mask_text(&self.first_name);
        c.last_name = mask_text(&self.last_name);
        c.phone = self.phone.as_ref().map(|p| Phone(mask_text(p.as_str())));
        // Any custom value can identify someone (a birthday, a customer number): all masked.
        for v in c.custom.values_mut() {
            *v = match v {
                FieldValue::Text(s) => FieldValue::Text(mask_text(s)),
                _ => FieldValue::Text("•••".into()),
            };
        }
        c
    }

    /// The JSON representation used by the API and NDJSON export.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "phone": self.phone,
            "locale": self.locale,
            "time_zone": self.time_zone,
            "custom": self.custom.iter().map(|(k, v)| (k.clone(), v.to_json())).collect::<serde_json::Map<_, _>>(),
            "tags": self.tags,
            "lists": self.lists,
            "status": self.status,
            "source": self.source,
            "source_ref": self.source_ref,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "merged_ids": self.merged_ids,
        })
    }
}

/// How an upsert treats a contact that already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MergePolicy {
    /// Given values replace stored ones.
    #[default]
    Overwrite,
    /// Given values fill only fields that are empty.
    FillBlanks,
    /// Existing contacts are left alone.
    SkipExisting,
}

impl MergePolicy {
    pub const ALL: [MergePolicy; 3] = [MergePolicy::Overwrite, MergePolicy::FillBlanks, MergePolicy::SkipExisting];
    pub fn as_str(&self) -> &'static str {
        match self {
            MergePolicy::Overwrite => "overwrite",
            MergePolicy::FillBlanks => "fill_blanks",
            MergePolicy::SkipExisting => "skip_existing",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            MergePolicy::Overwrite => "Overwrite existing values",
            MergePolicy::FillBlanks => "Only fill empty fields",
            MergePolicy::SkipExisting => "Skip existing contacts",
        }
    }
}

impl FromStr for MergePolicy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MergePolicy::ALL
            .into_iter()
            .find(|p| p.as_str() == s.trim())
            .ok_or_else(|| format!("`{s}` is not a merge policy (overwrite, fill_blanks, skip_existing)"))
    }
}

/// A validated set of changes: `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactInput {
    pub email: Option<EmailAddress>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<Option<Phone>>,
    pub locale: Option<Option<String>>,
    pub time_zone: Option<Option<String>>,
    pub status: Option<Status>,
    pub custom: BTreeMap<String, Option<FieldValue>>,
    /// Replace the tag set (forms, API `tags`).
    pub tags: Option<BTreeSet<String>>,
    pub add_tags: BTreeSet<String>,
    pub remove_tags: BTreeSet<String>,
    /// Replace the list set.
    pub lists: Option<BTreeSet<String>>,
    pub add_lists: BTreeSet<String>,
    pub remove_lists: BTreeSet<String>,
}

pub fn parse_name(field: &str, raw: &str) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.chars().count() > MAX_NAME {
        return Err(FieldError::new(field, format!("is longer than {MAX_NAME} characters")));
    }
    // A name is the display name of the `To` header: the header rule (no line separators either).
    if s.chars().any(super::header::refused) {
        return Err(FieldError::new(field, "contains control characters"));
    }
    Ok(s.to_string())
}

impl ContactInput {
    /// Applies the changes; returns the names of the fields that changed. `policy` decides what
    /// happens to fields that already hold a value (for a new contact every field is blank).
    pub fn apply(&self, c: &mut Contact, policy: MergePolicy) -> Vec<String> {
        let fill = policy == MergePolicy::FillBlanks;
        let mut changed = Vec::new();
        macro_rules! set {
            ($name:literal, $field:expr, $new:expr, $blank:expr) => {
                if let Some(v) = $new {
                    if (!fill || $blank) && $field != *v {
                        $field = v.clone();
                        changed.push($name.to_string());
                    }
                }
            };
        }
        if let Some(e) = &self.email {
            if !fill && &c.email != e {
                c.email = e.clone();
                changed.push("email".into());
            }
        }
        set!("first_name", c.first_name, &self.first_name, c.first_name.is_empty());
        set!("last_name", c.last_name, &self.last_name, c.last_name.is_empty());
        set!("phone", c.phone, &self.phone, c.phone.is_none());
        set!("locale", c.locale, &self.locale, c.locale.is_none());
        set!("time_zone", c.time_zone, &self.time_zone, c.time_zone.is_none());
        if let Some(s) = self.status {
            if !fill && c.status != s {
                c.status = s;
                changed.push("status".into());
            }
        }
        for (k, v) in &self.custom {
            let blank = !c.custom.contains_key(k);
            if fill && !blank {
                continue;
            }
            let before = c.custom.get(k).cloned();
            match v {
                Some(v) => {
                    c.custom.insert(k.clone(), v.clone());
                }
                None => {
                    c.custom.remove(k);
                }
            }
            if before.as_ref() != c.custom.get(k) {
                changed.push(format!("custom.{k}"));
            }
        }
        let tags_before = c.tags.clone();
        if let Some(t) = &self.tags {
            if !fill || c.tags.is_empty() {
                c.tags = t.clone();
            }
        }
        c.tags.extend(self.add_tags.iter().cloned());
        c.tags.retain(|t| !self.remove_tags.contains(t));
        if c.tags != tags_before {
            changed.push("tags".into());
        }
        let lists_before = c.lists.clone();
        if let Some(l) = &self.lists {
            if !fill || c.lists.is_empty() {
                c.lists = l.clone();
            }
        }
        c.lists.extend(self.add_lists.iter().cloned());
        c.lists.retain(|l| !self.remove_lists.contains(l));
        if c.lists != lists_before {
            changed.push("lists".into());
        }
        if !changed.is_empty() {
            c.updated_at = Utc::now();
        }
        changed
    }
}

/// Checks the contact as a whole against the current schema (too many tags, values that do not
/// fit their field) and drops values of fields that have since been deleted.
pub fn check_contact(c: &mut Contact, fields: &[FieldDef]) -> Result<(), FieldError> {
    if c.tags.len() > MAX_TAGS {
        return Err(FieldError::new("tags", format!("a contact can carry at most {MAX_TAGS} tags")));
    }
    c.custom.retain(|k, _| fields.iter().any(|f| &f.key == k));
    for (k, v) in &c.custom {
        match fields.iter().find(|f| &f.key == k) {
            None => unreachable!("retained above"),
            Some(def) if !v.fits(def) => {
                return Err(FieldError::new(format!("custom.{k}"), format!("must be a {}", def.kind.label())))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(kind: FieldKind, options: &[&str]) -> FieldDef {
        FieldDef::new("f", "F", kind, options.iter().map(|s| s.to_string()).collect(), Some(5)).unwrap()
    }

    #[test]
    fn phone_is_stored_in_e164_and_needs_a_country() {
        assert_eq!(Phone::parse("+49 30 901820", None).unwrap().as_str(), "+4930901820");
        assert_eq!(Phone::parse("030 901820", Some("de")).unwrap().as_str(), "+4930901820");
        // Italian numbers keep their leading zero after the country code.
        assert_eq!(Phone::parse("+39 06 6982 1234", None).unwrap().as_str(), "+390669821234");
        assert_eq!(Phone::parse("+1 (415) 555-2671", None).unwrap().as_str(), "+14155552671");
        assert!(Phone::parse("030 901820", None).unwrap_err().contains("country code"));
        assert!(Phone::parse("+49 1", None).is_err());
        assert!(Phone::parse("call me", None).is_err());
    }

    #[test]
    fn locale_and_time_zone_are_checked() {
        assert_eq!(parse_locale("de_at").unwrap(), "de-AT");
        assert_eq!(parse_locale("zh-hant").unwrap(), "zh-Hant");
        assert!(parse_locale("german").is_err());
        assert_eq!(parse_time_zone("Europe/Berlin").unwrap(), "Europe/Berlin");
        assert!(parse_time_zone("Mars/Olympus").is_err());
    }

    #[test]
    fn custom_fields_validate_by_kind() {
        assert_eq!(def(FieldKind::Number, &[]).parse_text("1 200.5").unwrap(), Some(FieldValue::Number(1200.5)));
        assert!(def(FieldKind::Number, &[]).parse_text("12a").is_err());
        assert!(def(FieldKind::Number, &[]).parse_text("NaN").is_err());
        assert!(def(FieldKind::Date, &[]).parse_text("2026-02-30").is_err());
        assert!(def(FieldKind::Text, &[]).parse_text("toolong").unwrap_err().contains("longer than 5"));
        assert_eq!(def(FieldKind::Boolean, &[]).parse_text("Yes").unwrap(), Some(FieldValue::Bool(true)));
        let c = def(FieldKind::Choice, &["Gold", "Silver"]);
        assert_eq!(c.parse_text("gold").unwrap(), Some(FieldValue::Choice("Gold".into())));
        assert!(c.parse_text("Bronze").is_err());
        let m = def(FieldKind::MultiChoice, &["a", "b"]);
        assert_eq!(
            m.parse_json(&serde_json::json!(["a", "b", "a"])).unwrap(),
            Some(FieldValue::Multi(vec!["a".into(), "b".into()]))
        );
        assert!(m.parse_json(&serde_json::json!(["c"])).is_err());
        let commas = def(FieldKind::MultiChoice, &["Red, dark", "Blue"]);
        assert_eq!(commas.parse_text("red, dark").unwrap(), Some(FieldValue::Multi(vec!["Red, dark".into()])));
        assert_eq!(
            commas.parse_text("Red, dark; blue").unwrap(),
            Some(FieldValue::Multi(vec!["Red, dark".into(), "Blue".into()]))
        );
        assert!(def(FieldKind::Number, &[]).parse_json(&serde_json::json!(true)).is_err());
        assert!(FieldDef::new("email", "E", FieldKind::Text, vec![], None).is_err());
        assert!(FieldDef::new("Shoe Size", "E", FieldKind::Text, vec![], None).is_err());
        assert!(FieldDef::new("tier", "Tier", FieldKind::Choice, vec![], None).is_err());
    }

    #[test]
    fn merge_policies() {
        let mut c = Contact::new(EmailAddress::parse("a@example.com").unwrap(), Source::Admin, String::new());
        c.first_name = "Ann".into();
        let input = ContactInput {
            first_name: Some("Anna".into()),
            last_name: Some("Smith".into()),
            add_tags: ["vip".to_string()].into(),
            ..Default::default()
        };
        let mut fill = c.clone();
        assert_eq!(input.apply(&mut fill, MergePolicy::FillBlanks), vec!["last_name", "tags"]);
        assert_eq!(fill.first_name, "Ann");
        let mut over = c.clone();
        input.apply(&mut over, MergePolicy::Overwrite);
        assert_eq!(over.first_name, "Anna");
        assert!(input.apply(&mut over, MergePolicy::Overwrite).is_empty(), "applying twice changes nothing");
    }
}
