//! CSV import in the browser: upload (streamed to disk), preview and column mapping, lawful
//! basis, then a background import with live progress and a downloadable bad-row report.

use std::io::Write;

use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use minijinja::context;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::contacts::{say, target_label};
use super::schema::basis_key;
use super::{page, see_other, unprocessable};
use crate::contacts::import::{self, valid_batch_id, Basis, Grant, ImportOptions};
use crate::contacts::ops::Target;
use crate::domain::{LawfulBasis, MergePolicy};
use crate::http::error::{ApiError, Code};
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::http::limits;
use crate::i18n::Language;
use crate::state::{blocking, AppState};

/// What we remember about an upload between the upload and the start (no personal data).
#[derive(Serialize, Deserialize)]
struct Upload {
    file_name: String,
    size: u64,
}

fn sidecar(state: &AppState, id: &str) -> std::path::PathBuf {
    state.imports.dir().join(format!("{id}.upload.json"))
}

/// The upload waiting for its mapping, or 404.
fn read_upload(state: &AppState, id: &str) -> Result<Upload, ApiError> {
    std::fs::read(sidecar(state, id))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| ApiError::not_found("upload"))
}

/// A batch by its id (checked to be one of ours), or 404.
async fn load_batch(state: &web::Data<AppState>, raw: &str) -> Result<import::ImportBatch, ApiError> {
    let id = batch_id(raw)?;
    let st = state.clone();
    blocking(move || st.imports.get(&id)).await?.ok_or_else(|| ApiError::not_found("import"))
}

fn batch_id(raw: &str) -> Result<String, ApiError> {
    if valid_batch_id(raw) {
        Ok(raw.to_string())
    } else {
        Err(ApiError::not_found("import"))
    }
}

async fn render_index(
    state: &web::Data<AppState>,
    g: &Principal,
    error: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let recent = blocking(move || st.imports.recent(20)).await?;
    let max_mb = state.config.contacts.max_upload_mb;
    let res =
        page(state, g, "import.html", "contacts", context! { imports => recent, error => error, max_mb => max_mb })?;
    Ok(res)
}

pub async fn index(state: web::Data<AppState>, g: Guard<perm::EditContacts>) -> Result<HttpResponse, ApiError> {
    render_index(&state, &g, None).await
}

/// The form has two fields, `csrf` and then `file`.
const FIELDS: [&str; 2] = ["csrf", "file"];
/// A CSRF token is 43 characters; anything much longer is not one.
const MAX_CSRF_BYTES: usize = 200;

fn csrf_failed() -> ApiError {
    ApiError::new(
        Code::CsrfFailed,
        "The form has expired or did not come from this site. Reload the page and try again.",
    )
}

/// Receives the file (`csrf` must come first in the form), writes it to the imports directory
/// as it arrives, and sends the browser to the mapping step. Held in memory at any time: at
/// most [`limits::MAX_MULTIPART_OVERHEAD`] and one network chunk, whatever the upload's shape.
pub async fn upload(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let limit = state.config.contacts.max_upload_mb * 1024 * 1024;
    let ui = super::ui_language(&state, &g);
    let too_big = || say(ui, "c-import-too-big", [("mb", (limit / 1024 / 1024).into())]);
    if limits::content_length(&req).is_some_and(|n| n > limit + limits::MAX_MULTIPART_OVERHEAD as u64) {
        return Ok(unprocessable(render_index(&state, &g, Some(too_big())).await?));
    }
    let (mut form, budget) = limits::bounded_multipart(&req, payload);
    let malformed = |e| budget.malformed(e);
    let id = import::new_batch_id();
    let dir = state.imports.dir().to_path_buf();
    crate::store::ensure_private_dir(&dir).map_err(ApiError::internal)?;
    let path = state.imports.upload_path(&id);
    let mut csrf_ok = false;
    let mut file_name = String::new();
    let mut size = 0u64;
    let mut seen = 0;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != FIELDS.get(seen).copied() {
            return Err(ApiError::new(
                Code::MalformedRequest,
                "The upload must hold the form's two fields, csrf and then file, and nothing else.",
            ));
        }
        seen += 1;
        if seen == 1 {
            let mut v = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(malformed)?;
                budget.deliver(chunk.len());
                if v.len() + chunk.len() > MAX_CSRF_BYTES {
                    return Err(csrf_failed());
                }
                v.extend_from_slice(&chunk);
            }
            let want = g.csrf();
            csrf_ok = !want.is_empty() && bool::from(want.as_bytes().ct_eq(&v));
            if !csrf_ok {
                return Err(csrf_failed());
            }
        } else {
            file_name = field
                .content_disposition()
                .and_then(|cd| cd.get_filename().map(|s| s.to_string()))
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
                .take(200)
                .collect();
            let mut out = std::fs::File::create(&path).map_err(ApiError::internal)?;
            while let Some(chunk) = field.next().await {
                let chunk = match chunk {
                    Ok(chunk) => chunk,
                    Err(e) => {
                        drop(out);
                        let _ = std::fs::remove_file(&path);
                        return Err(malformed(e));
                    }
                };
                budget.deliver(chunk.len());
                size += chunk.len() as u64;
                if size > limit {
                    drop(out);
                    let _ = std::fs::remove_file(&path);
                    return Ok(unprocessable(render_index(&state, &g, Some(too_big())).await?));
                }
                // Small blocking writes of ~64 KiB chunks; the disk is local.
                out.write_all(&chunk).map_err(ApiError::internal)?;
            }
            out.sync_all().map_err(ApiError::internal)?;
        }
    }
    if !csrf_ok {
        return Err(csrf_failed());
    }
    if size == 0 {
        let _ = std::fs::remove_file(&path);
        return Ok(unprocessable(render_index(&state, &g, Some(ui.text("c-import-no-file", None))).await?));
    }
    let meta = serde_json::to_vec(&Upload { file_name, size }).map_err(ApiError::internal)?;
    std::fs::write(sidecar(&state, &id), meta).map_err(ApiError::internal)?;
    Ok(see_other(&format!("/contacts/import/{id}/map")))
}

fn target_choices(ui: &Language, fields: &[crate::domain::FieldDef]) -> Vec<minijinja::Value> {
    let mut out: Vec<_> =
        Target::BUILT_IN.iter().map(|t| context! { key => t.key(), label => target_label(ui, t, fields) }).collect();
    for f in fields {
        let t = Target::Custom(f.key.clone());
        out.push(
            context! { key => t.key(), label => say(ui, "c-import-custom", [("label", f.label.as_str().into())]) },
        );
    }
    out
}

/// How an import treats contacts that already exist, as the mapping form offers it.
fn policy_key(p: MergePolicy) -> &'static str {
    match p {
        MergePolicy::Overwrite => "c-policy-overwrite",
        MergePolicy::FillBlanks => "c-policy-fill-blanks",
        MergePolicy::SkipExisting => "c-policy-skip-existing",
    }
}

#[derive(Deserialize, Default, Serialize, Clone)]
pub struct MapForm {
    #[serde(default)]
    column: Vec<String>,
    #[serde(default)]
    delimiter: String,
    #[serde(default)]
    header: Option<String>,
    #[serde(default)]
    policy: String,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    list: Vec<String>,
    #[serde(default)]
    basis: String,
    /// The purposes ticked.
    #[serde(default)]
    purpose: Vec<String>,
    /// Where each consent was collected, beside `collected_for` (the purpose each box is for;
    /// without it, the boxes follow `purpose`).
    #[serde(default)]
    collected: Vec<String>,
    #[serde(default)]
    collected_for: Vec<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    date_order: String,
    #[serde(default)]
    keep_rows: Option<String>,
}

impl MapForm {
    /// (purpose, where its consent was collected) for every box on the page.
    fn proofs(&self) -> Vec<(&String, &String)> {
        let keys = if self.collected_for.is_empty() { &self.purpose } else { &self.collected_for };
        keys.iter().zip(&self.collected).collect()
    }
}

async fn render_map(
    state: &web::Data<AppState>,
    g: &Principal,
    id: &str,
    form: Option<MapForm>,
    error: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let (st, ui) = (state.clone(), super::ui_language(state, g));
    let idc = id.to_string();
    let delimiter = form
        .as_ref()
        .and_then(|f| f.delimiter.bytes().next().filter(|_| f.delimiter.len() == 1))
        .or_else(|| form.as_ref().and_then(|f| (f.delimiter == "tab").then_some(b'\t')));
    let (sniffed, upload, purposes, lists, fields) = blocking(move || -> Result<_, ApiError> {
        let meta = read_upload(&st, &idc)?;
        let fields = st.fields.all();
        let sniffed = import::sniff(&st.imports.upload_path(&idc), &fields, delimiter);
        // Each purpose with the name the staff member's language gives it.
        let mut purposes = Vec::new();
        for p in st.purposes.all()? {
            let name = st.purposes.name_in(&p, &ui.code)?;
            purposes.push((p, name));
        }
        Ok((sniffed, meta, purposes, st.lists.all()?, fields))
    })
    .await?;
    let sniffed = match sniffed {
        Ok(s) => s,
        Err(e) => {
            return Ok(unprocessable(render_index(state, g, Some(format!("{}: {e}", upload.file_name))).await?));
        }
    };
    let has_header = form.as_ref().map(|f| f.header.is_some()).unwrap_or(sniffed.has_header);
    let mapping: Vec<String> = match &form {
        Some(f) if f.column.len() == sniffed.mapping.len() => f.column.clone(),
        _ => sniffed.mapping.iter().map(|t| t.as_ref().map(|t| t.key()).unwrap_or_default()).collect(),
    };
    let columns: Vec<_> = sniffed
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let samples: Vec<String> = sniffed
                .preview
                .iter()
                .filter_map(|r| r.get(i).cloned())
                .map(|v| if v.chars().count() > 40 { format!("{}…", v.chars().take(40).collect::<String>()) } else { v })
                .collect();
            context! { index => i, header => h, target => mapping.get(i).cloned().unwrap_or_default(), samples => samples }
        })
        .collect();
    // The form carries the delimiter back as it is written here; the page names it.
    let (delimiter, delimiter_name) = match sniffed.delimiter {
        b'\t' => ("tab".to_string(), ui.text("c-import-tab", None)),
        d => ((d as char).to_string(), (d as char).to_string()),
    };
    let consent_purposes: Vec<_> =
        purposes.iter().filter(|(p, _)| p.basis == LawfulBasis::Consent).map(|(p, name)| (p, name)).collect();
    let form = form.unwrap_or_else(|| MapForm {
        policy: "overwrite".into(),
        basis: "consent".into(),
        purpose: consent_purposes
            .iter()
            .find(|(p, _)| p.key == "newsletter")
            .or(consent_purposes.first())
            .map(|(p, _)| vec![p.key.clone()])
            .unwrap_or_default(),
        ..Default::default()
    });
    let proofs = form.proofs();
    let grants: Vec<_> = consent_purposes
        .iter()
        .map(|(p, name)| {
            let collected = proofs.iter().find(|(k, _)| **k == p.key).map(|(_, c)| c.as_str()).unwrap_or("");
            context! { key => p.key, name => name, ticked => form.purpose.contains(&p.key), collected => collected }
        })
        .collect();
    let res = page(
        state,
        g,
        "import_map.html",
        "contacts",
        context! {
            id => id, upload => context!{ file_name => upload.file_name, size => upload.size },
            columns => columns, targets => target_choices(ui, &fields), has_header => has_header,
            delimiter => delimiter, delimiter_name => delimiter_name, preview_rows => sniffed.preview.len(),
            policies => MergePolicy::ALL.iter()
                .map(|p| context!{ value => p.as_str(), label => ui.text(policy_key(*p), None) }).collect::<Vec<_>>(),
            grants => grants, lists => lists,
            bases => LawfulBasis::ALL.iter().filter(|b| **b != LawfulBasis::Consent)
                .map(|b| context!{ value => b.as_str(), label => ui.text(basis_key(*b), None) }).collect::<Vec<_>>(),
            form => form, error => error,
        },
    )?;
    Ok(res)
}

pub async fn map(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = batch_id(&id)?;
    render_map(&state, &g, &id, None, None).await
}

/// Builds the options from the mapping form, or says what is wrong.
fn options_from(
    ui: &Language,
    form: &MapForm,
    fields: &[crate::domain::FieldDef],
    file_name: &str,
    sniffed_delim: u8,
) -> Result<ImportOptions, String> {
    let mapping = form
        .column
        .iter()
        .map(|k| {
            if k.is_empty() {
                Ok(None)
            } else {
                Target::parse(k, fields)
                    .map(Some)
                    .ok_or_else(|| say(ui, "c-import-unknown-field", [("field", k.as_str().into())]))
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let policy: MergePolicy = form.policy.parse()?;
    let basis = match form.basis.as_str() {
        "consent" => {
            let proofs = form.proofs();
            let grants = form
                .purpose
                .iter()
                .map(|key| Grant {
                    purpose: key.clone(),
                    collected: proofs.iter().find(|(k, _)| *k == key).map(|(_, c)| c.to_string()).unwrap_or_default(),
                })
                .collect();
            Basis::Consent { grants }
        }
        other => Basis::Other { basis: other.parse()?, note: form.note.clone() },
    };
    let delimiter = match form.delimiter.as_str() {
        "tab" => b'\t',
        d if d.len() == 1 => d.as_bytes()[0],
        _ => sniffed_delim,
    };
    Ok(ImportOptions {
        delimiter,
        has_header: form.header.is_some(),
        mapping,
        policy,
        add_tags: vec![form.tags.clone()].into_iter().filter(|t| !t.trim().is_empty()).collect(),
        add_lists: form.list.clone(),
        basis: Some(basis),
        file_name: file_name.to_string(),
        date_order: if form.date_order == "day_month_year" {
            crate::contacts::import::DateOrder::DayMonthYear
        } else {
            crate::contacts::import::DateOrder::Iso
        },
        keep_rows_with_bad_fields: form.keep_rows.is_some(),
    })
}

pub async fn start(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
    form: CsrfForm<MapForm>,
) -> Result<HttpResponse, ApiError> {
    let id = batch_id(&id)?;
    let form = form.0;
    // "Preview again" re-reads the file with the chosen delimiter and header setting.
    let st = state.clone();
    let idc = id.clone();
    let f2 = form.clone();
    let by = g.by();
    let ui = super::ui_language(&state, &g);
    let started = blocking(move || -> Result<Result<(), String>, ApiError> {
        let meta = read_upload(&st, &idc)?;
        let path = st.imports.upload_path(&idc);
        let fields = st.fields.all();
        let sniffed = match import::sniff(&path, &fields, None) {
            Ok(s) => s,
            Err(e) => return Ok(Err(e.to_string())),
        };
        let opts = match options_from(ui, &f2, &fields, &meta.file_name, sniffed.delimiter) {
            Ok(o) => o,
            Err(e) => return Ok(Err(e)),
        };
        match import::begin(&st, &by, Some(idc.clone()), &opts, meta.size) {
            Ok(batch) => {
                let _ = std::fs::remove_file(sidecar(&st, &idc));
                import::spawn(st.clone().into_inner(), by, path, opts, batch, true);
                Ok(Ok(()))
            }
            Err(crate::ops::OpError::Invalid { message, .. }) => Ok(Err(message)),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    match started {
        Ok(()) => Ok(see_other(&format!("/contacts/import/{id}"))),
        Err(msg) => Ok(unprocessable(render_map(&state, &g, &id, Some(form), Some(msg)).await?)),
    }
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let batch = load_batch(&state, &id).await?;
    let percent = batch.percent();
    let ui = super::ui_language(&state, &g);
    let policy = ui.text(policy_key(batch.policy), None);
    let (st, recorded) = (state.clone(), batch.basis.clone());
    let basis = blocking(move || -> Result<_, ApiError> {
        let purposes = st.purposes.all()?;
        let mut names = std::collections::BTreeMap::new();
        for p in &purposes {
            names.insert(p.key.clone(), st.purposes.name_in(p, &ui.code)?);
        }
        Ok(basis_text(ui, &recorded, |key| names.get(key).cloned().unwrap_or_else(|| key.to_string())))
    })
    .await?;
    page(
        &state,
        &g,
        "import_progress.html",
        "contacts",
        context! { b => batch, percent => percent, policy => policy, basis => basis },
    )
}

/// A batch's lawful basis as it was recorded when the import started (`Basis::describe`, in
/// English: "consent for newsletter, collected: …; consent for …", or "Contract (Art. 6(1)(b)):
/// note"), in the staff member's language with each purpose by its name. A record in another
/// shape is shown as it is.
fn basis_text(ui: &Language, recorded: &str, purpose_name: impl Fn(&str) -> String) -> String {
    for b in LawfulBasis::ALL {
        if let Some(note) = recorded.strip_prefix(b.label()).and_then(|r| r.strip_prefix(": ")) {
            return format!("{}: {note}", ui.text(basis_key(b), None));
        }
    }
    let grants: Option<Vec<String>> = recorded
        .split("; ")
        .map(|grant| {
            let (purpose, collected) = grant.strip_prefix("consent for ")?.split_once(", collected: ")?;
            let name = purpose_name(purpose);
            Some(say(ui, "c-import-basis-consent", [("purpose", name.into()), ("collected", collected.into())]))
        })
        .collect();
    match grants {
        Some(grants) if !recorded.is_empty() => grants.join("; "),
        _ => recorded.to_string(),
    }
}

pub async fn status(
    state: web::Data<AppState>,
    _g: Guard<perm::EditContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let batch = load_batch(&state, &id).await?;
    let percent = batch.percent();
    let mut v = serde_json::to_value(&batch).map_err(ApiError::internal)?;
    v["percent"] = percent.into();
    Ok(HttpResponse::Ok().json(v))
}

pub async fn report(
    state: web::Data<AppState>,
    _g: Guard<perm::EditContacts>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = batch_id(&id)?;
    let st = state.clone();
    let idc = id.clone();
    let body = blocking(move || -> Result<Vec<u8>, ApiError> {
        let mut out = Vec::new();
        import::copy_report(&st.imports, &idc, &mut out).map_err(|_| ApiError::not_found("report"))?;
        Ok(out)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"import-{id}-errors.csv\"")))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Basis::describe` records reads back in the staff member's language.
    #[test]
    fn a_recorded_lawful_basis_reads_back_in_the_staff_member_s_language() {
        let catalogue = crate::i18n::admin_catalogue();
        let (en, de) = (catalogue.get("en"), catalogue.get("de"));
        let name = |key: &str| if key == "newsletter" { "Newsletter".to_string() } else { key.to_string() };
        let consent = Basis::Consent {
            grants: vec![
                Grant { purpose: "newsletter".into(), collected: "Kasse, 2025".into() },
                Grant { purpose: "engagement".into(), collected: "Formular".into() },
            ],
        };
        assert_eq!(
            basis_text(de, &consent.describe(), name),
            "Einwilligung in „Newsletter“, eingeholt: Kasse, 2025; Einwilligung in „engagement“, eingeholt: Formular"
        );
        assert_eq!(
            basis_text(en, &consent.describe(), name),
            "consent to “Newsletter”, collected: Kasse, 2025; consent to “engagement”, collected: Formular"
        );
        let other = Basis::Other { basis: LawfulBasis::Contract, note: "Kunden: alle".into() };
        assert_eq!(basis_text(de, &other.describe(), name), "Vertrag (Art. 6 Abs. 1 lit. b): Kunden: alle");
        assert_eq!(basis_text(en, &other.describe(), name), other.describe());
        assert_eq!(basis_text(de, "", name), "");
        assert_eq!(basis_text(de, "written; another way", name), "written; another way");
    }
}
