//! What contacts are described by: custom fields, processing purposes with their consent
//! wordings, and lists.

use std::collections::BTreeMap;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use minijinja::{context, Value};
use serde::Deserialize;

use super::{notice, page, see_other, unprocessable, NoticeQuery};
use crate::contacts::ops::{self, PurposeInput};
use crate::domain::{FieldDef, FieldKind, LawfulBasis, Permission, Purpose};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::Language;
use crate::ops::OpError;
use crate::state::{blocking, AppState};

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn errors(field: &str, message: String) -> BTreeMap<String, String> {
    BTreeMap::from([(field.to_string(), message)])
}

/// Empty is "not given"; anything else must be a whole number.
fn optional_number(ui: &Language, field: &'static str, raw: &str) -> Result<Option<u32>, OpError> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|_| OpError::Invalid {
            field,
            message: super::contacts::say(ui, "c-not-whole-number", [("value", s.into())]),
        }),
    }
}

/// The message naming a lawful basis, with its article.
pub(super) fn basis_key(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "c-basis-consent",
        LawfulBasis::Contract => "c-basis-contract",
        LawfulBasis::LegitimateInterest => "c-basis-legitimate-interest",
        LawfulBasis::LegalObligation => "c-basis-legal-obligation",
    }
}

/// The message naming a custom field's type.
fn kind_key(k: &FieldKind) -> &'static str {
    match k {
        FieldKind::Text => "c-kind-text",
        FieldKind::Number => "c-kind-number",
        FieldKind::Date => "c-kind-date",
        FieldKind::Boolean => "c-kind-boolean",
        FieldKind::Choice => "c-kind-choice",
        FieldKind::MultiChoice => "c-kind-multi-choice",
    }
}

// ---------------------------------------------------------------------------------------------
// Custom fields

fn kinds(ui: &Language) -> Vec<Value> {
    FieldKind::ALL.iter().map(|k| context! { value => k.as_str(), label => ui.text(kind_key(k), None) }).collect()
}

fn field_view(ui: &Language, f: &FieldDef) -> Value {
    context! {
        key => f.key, label => f.label, kind => f.kind.as_str(), kind_label => ui.text(kind_key(&f.kind), None),
        options => f.options,
        max_len => f.max_len, choice => matches!(f.kind, FieldKind::Choice | FieldKind::MultiChoice),
        text => f.kind == FieldKind::Text, created_at => f.created_at,
    }
}

fn render_fields(state: &AppState, g: &Principal, extra: Value) -> Result<HttpResponse, ApiError> {
    let ui = super::ui_language(state, g);
    let fields: Vec<Value> = state.fields.all().iter().map(|f| field_view(ui, f)).collect();
    page(state, g, "fields.html", "schema", context! { fields => fields, kinds => kinds(ui), ..extra })
}

pub async fn fields(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_fields(&state, &g, context! { notice => notice(q.ok.as_deref()), form => context! { kind => "text" } })
}

#[derive(Deserialize)]
pub struct FieldForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    options: String,
    #[serde(default)]
    max_len: String,
}

pub async fn create_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    CsrfForm(form): CsrfForm<FieldForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, b) = (state.clone(), g.by());
    let (key, label, kind, options) = (form.key.clone(), form.label.clone(), form.kind.clone(), lines(&form.options));
    let max_len = optional_number(super::ui_language(&state, &g), "max_len", &form.max_len);
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(max_len.and_then(|max_len| ops::create_field(&st, b, &key, &label, &kind, options, max_len)))
    })
    .await?;
    match result {
        Ok(_) => Ok(see_other("/settings/fields?ok=field_created")),
        Err(OpError::Invalid { field, message }) => render_fields(
            &state,
            &g,
            context! {
                errors => errors(field, message),
                form => context! { key => form.key, label => form.label, kind => form.kind, options => form.options, max_len => form.max_len },
            },
        )
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

fn render_field(
    state: &AppState,
    g: &Principal,
    def: &FieldDef,
    form: Value,
    errors: BTreeMap<String, String>,
) -> Result<HttpResponse, ApiError> {
    let failed = !errors.is_empty();
    let ui = super::ui_language(state, g);
    let res = page(
        state,
        g,
        "field.html",
        "schema",
        context! { field => field_view(ui, def), form => form, errors => errors },
    )?;
    Ok(if failed { unprocessable(res) } else { res })
}

pub async fn field_form(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let def = state.fields.get(&key).ok_or_else(|| ApiError::not_found("field"))?;
    let form = context! { label => def.label, options => def.options.join("\n"), max_len => def.max_len.to_string() };
    render_field(&state, &g, &def, form, BTreeMap::new())
}

pub async fn update_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    key: web::Path<String>,
    CsrfForm(form): CsrfForm<FieldForm>,
) -> Result<HttpResponse, ApiError> {
    let def = state.fields.get(&key).ok_or_else(|| ApiError::not_found("field"))?;
    let choice = matches!(def.kind, FieldKind::Choice | FieldKind::MultiChoice);
    // Only what this kind of field has is changed: options for choices, a length for text.
    let options = choice.then(|| lines(&form.options));
    let ui = super::ui_language(&state, &g);
    let max_len = if def.kind == FieldKind::Text { optional_number(ui, "max_len", &form.max_len) } else { Ok(None) };
    let (st, b, k, label) = (state.clone(), g.by(), def.key.clone(), form.label.clone());
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(max_len.and_then(|max_len| ops::update_field(&st, b, &k, Some(&label), options, max_len)))
    })
    .await?;
    match result {
        Ok(_) => Ok(see_other("/settings/fields?ok=field_saved")),
        Err(OpError::Invalid { field, message }) => {
            let echo = context! { label => form.label, options => form.options, max_len => form.max_len };
            render_field(&state, &g, &def, echo, errors(field, message))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_field(
    state: web::Data<AppState>,
    g: Guard<perm::ManageSettings>,
    key: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, key) = (state.clone(), g.by(), key.into_inner());
    blocking(move || ops::delete_field(&st, b, &key).map_err(ApiError::from)).await?;
    Ok(see_other("/settings/fields?ok=field_deleted"))
}

// ---------------------------------------------------------------------------------------------
// Purposes

/// A principal who may keep the register of processing: the data-protection officer's
/// `ManageGdpr`, or an administrator's `ManageSettings` (the rule `ops::save_purpose` applies).
pub struct PurposeEditor(Principal);

impl std::ops::Deref for PurposeEditor {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl FromRequest for PurposeEditor {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let p = Principal::from_request(req, payload).into_inner();
        std::future::ready(p.and_then(|p| {
            if p.can(Permission::ManageGdpr) || p.can(Permission::ManageSettings) {
                Ok(PurposeEditor(p))
            } else {
                Err(ApiError::forbidden())
            }
        }))
    }
}

fn bases(ui: &Language) -> Vec<Value> {
    LawfulBasis::ALL.iter().map(|b| context! { value => b.as_str(), label => ui.text(basis_key(*b), None) }).collect()
}

/// A purpose for its pages; `name` is what the staff member's language calls it.
fn purpose_view(ui: &Language, p: &Purpose, name: String) -> Value {
    context! {
        key => p.key, name => name, description => p.description, basis => p.basis.as_str(),
        basis_label => ui.text(basis_key(p.basis), None), categories => p.categories, retention_days => p.retention_days,
        recipients => p.recipients, current_wording => p.current_wording, updated_at => p.updated_at,
    }
}

#[derive(Deserialize, Clone)]
pub struct PurposeForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    basis: String,
    #[serde(default)]
    categories: String,
    #[serde(default)]
    retention_days: String,
    #[serde(default)]
    recipients: String,
    #[serde(default)]
    wording: String,
}

impl PurposeForm {
    fn input(&self, ui: &Language) -> Result<PurposeInput, OpError> {
        Ok(PurposeInput {
            key: Some(self.key.clone()),
            name: Some(self.name.clone()),
            description: Some(self.description.clone()),
            basis: Some(self.basis.clone()),
            categories: Some(lines(&self.categories)),
            retention_days: optional_number(ui, "retention_days", &self.retention_days)?,
            recipients: Some(lines(&self.recipients)),
            wording: Some(self.wording.clone()),
        })
    }

    fn echo(&self) -> Value {
        context! {
            key => self.key, name => self.name, description => self.description, basis => self.basis,
            categories => self.categories, retention_days => self.retention_days, recipients => self.recipients,
            wording => self.wording,
        }
    }
}

async fn render_purposes(state: &web::Data<AppState>, g: &Principal, extra: Value) -> Result<HttpResponse, ApiError> {
    let (st, ui) = (state.clone(), super::ui_language(state, g));
    let views = blocking(move || -> Result<_, ApiError> {
        let mut views = Vec::new();
        for p in st.purposes.all()? {
            views.push(purpose_view(ui, &p, st.purposes.name_in(&p, &ui.code)?));
        }
        Ok(views)
    })
    .await?;
    page(state, g, "purposes.html", "schema", context! { purposes => views, bases => bases(ui), ..extra })
}

pub async fn purposes(
    state: web::Data<AppState>,
    g: PurposeEditor,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let form = context! { basis => "consent", retention_days => "365" };
    render_purposes(&state, &g, context! { notice => notice(q.ok.as_deref()), form => form }).await
}

pub async fn create_purpose(
    state: web::Data<AppState>,
    g: PurposeEditor,
    CsrfForm(form): CsrfForm<PurposeForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, input) = (state.clone(), g.by(), form.input(super::ui_language(&state, &g)));
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(input.and_then(|input| ops::save_purpose(&st, b, None, &input)))
    })
    .await?;
    match result {
        Ok(p) => Ok(see_other(&format!("/purposes/{}?ok=purpose_created", p.key))),
        Err(OpError::Invalid { field, message }) => render_purposes(
            &state,
            &g,
            context! { errors => errors(field, message), form => form.echo(), adding => true },
        )
        .await
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

async fn render_purpose(
    state: &web::Data<AppState>,
    g: &Principal,
    key: String,
    form: Option<Value>,
    extra: Value,
) -> Result<HttpResponse, ApiError> {
    let (st, ui) = (state.clone(), super::ui_language(state, g));
    let (purpose, wordings, names, shop_language, name_here) = blocking(move || -> Result<_, ApiError> {
        let p = st.purposes.get(&key)?.ok_or_else(|| ApiError::not_found("purpose"))?;
        let w = st.purposes.wordings(&key)?;
        let names = st.purposes.names(&key)?;
        let name_here = st.purposes.name_in(&p, &ui.code)?;
        Ok((p, w, names, st.settings.get()?.language, name_here))
    })
    .await?;
    // Each other language: its name, its latest text, and whether that text predates the
    // current one (a changed text is not translated by itself).
    let current_at = wordings.iter().find(|w| w.version == purpose.current_wording).map(|w| w.created_at);
    let translations: Vec<Value> = crate::i18n::catalogue()
        .languages()
        .iter()
        .filter(|l| l.code != shop_language)
        .map(|l| {
            let latest = wordings.iter().rev().find(|w| w.language.as_deref() == Some(l.code.as_str()));
            let name = names.iter().find(|(code, _)| *code == l.code).map(|(_, n)| n.clone());
            context! {
                code => l.code, language => l.name, name => name,
                wording => latest.map(|w| w.text.clone()), version => latest.map(|w| w.version),
                outdated => latest.zip(current_at).is_some_and(|(w, at)| w.created_at < at),
            }
        })
        .collect();
    let current = wordings.iter().find(|w| w.version == purpose.current_wording).map(|w| w.text.clone());
    let form = form.unwrap_or_else(|| {
        context! {
            name => purpose.name, description => purpose.description, basis => purpose.basis.as_str(),
            categories => purpose.categories.join("\n"), retention_days => purpose.retention_days.to_string(),
            recipients => purpose.recipients.join("\n"), wording => current,
        }
    });
    let history: Vec<Value> = wordings
        .iter()
        .rev()
        .map(|w| {
            let language = w.language.as_deref().map(|c| crate::i18n::catalogue().get(c).name.clone());
            context! { version => w.version, text => w.text, created_at => w.created_at, current => w.version == purpose.current_wording, language => language }
        })
        .collect();
    page(
        state,
        g,
        "purpose.html",
        "schema",
        context! {
            purpose => purpose_view(ui, &purpose, name_here), bases => bases(ui), form => form, wordings => history,
            translations => translations, consent => purpose.basis == LawfulBasis::Consent, ..extra
        },
    )
}

pub async fn purpose(
    state: web::Data<AppState>,
    g: PurposeEditor,
    key: web::Path<String>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_purpose(&state, &g, key.into_inner(), None, context! { notice => notice(q.ok.as_deref()) }).await
}

pub async fn save_purpose(
    state: web::Data<AppState>,
    g: PurposeEditor,
    key: web::Path<String>,
    CsrfForm(form): CsrfForm<PurposeForm>,
) -> Result<HttpResponse, ApiError> {
    let key = key.into_inner();
    let (st, b, k) = (state.clone(), g.by(), key.clone());
    let input = form.input(super::ui_language(&state, &g)).map(|i| PurposeInput { key: None, ..i });
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(input.and_then(|input| ops::save_purpose(&st, b, Some(&k), &input)))
    })
    .await?;
    match result {
        Ok(p) => Ok(see_other(&format!("/purposes/{}?ok=purpose_saved", p.key))),
        Err(OpError::Invalid { field, message }) => {
            render_purpose(&state, &g, key, Some(form.echo()), context! { errors => errors(field, message) })
                .await
                .map(unprocessable)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, serde::Serialize)]
pub struct TranslationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    wording: String,
}

/// One language's name and text for a purpose, from its section on the purpose page.
pub async fn save_purpose_translation(
    state: web::Data<AppState>,
    g: PurposeEditor,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<TranslationForm>,
) -> Result<HttpResponse, ApiError> {
    let (key, language) = path.into_inner();
    let (st, b, k, l) = (state.clone(), g.by(), key.clone(), language.clone());
    let (name, wording) = (form.name.clone(), form.wording.clone());
    let result =
        blocking(move || -> Result<_, ApiError> { Ok(ops::save_purpose_translation(&st, b, &k, &l, &name, &wording)) })
            .await?;
    match result {
        Ok(_) => Ok(see_other(&format!("/purposes/{key}?ok=purpose_saved#lang-{language}"))),
        Err(OpError::Invalid { field, message }) => render_purpose(
            &state,
            &g,
            key,
            None,
            context! {
                translation_errors => context! { language => language, field => field, message => message },
                typed => Value::from_serialize(&form),
            },
        )
        .await
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Lists

async fn render_lists(state: &web::Data<AppState>, g: &Principal, extra: Value) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let lists = blocking(move || -> Result<_, ApiError> {
        let visible = st.lists.visible_in_preferences()?;
        Ok(st
            .lists
            .all()?
            .into_iter()
            .map(|l| {
                let members = st.search.index.doc_freq("list", &l.slug);
                context! {
                    url => format!("/contacts?list={}", crate::http::urlencode(&l.slug)),
                    slug => l.slug, name => l.name, description => l.description, created_at => l.created_at,
                    members => members, visible => visible.contains(&l.slug),
                }
            })
            .collect::<Vec<_>>())
    })
    .await?;
    page(state, g, "lists.html", "lists", context! { lists => lists, ..extra })
}

pub async fn lists(
    state: web::Data<AppState>,
    g: Guard<perm::ViewContacts>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    render_lists(&state, &g, context! { notice => notice(q.ok.as_deref()) }).await
}

#[derive(Deserialize)]
pub struct ListForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
}

pub async fn create_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    CsrfForm(form): CsrfForm<ListForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, name, description) = (state.clone(), g.by(), form.name.clone(), form.description.clone());
    let result = blocking(move || -> Result<_, ApiError> { Ok(ops::create_list(&st, b, &name, &description)) }).await?;
    match result {
        Ok(_) => Ok(see_other("/lists?ok=list_created")),
        Err(OpError::Invalid { field, message }) => render_lists(
            &state,
            &g,
            context! { errors => errors(field, message), form => context! { name => form.name, description => form.description } },
        )
        .await
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

pub async fn update_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    slug: web::Path<String>,
    CsrfForm(form): CsrfForm<ListForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, slug) = (state.clone(), g.by(), slug.into_inner());
    let (name, description, key) = (form.name.clone(), form.description.clone(), slug.clone());
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(ops::update_list(&st, b, &key, Some(&name), Some(&description)))
    })
    .await?;
    match result {
        Ok(_) => Ok(see_other("/lists?ok=list_saved")),
        Err(OpError::Invalid { field, message }) => render_lists(
            &state,
            &g,
            context! {
                edit_errors => errors(field, message), editing => slug,
                edit_form => context! { name => form.name, description => form.description },
            },
        )
        .await
        .map(unprocessable),
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_list(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    slug: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, slug) = (state.clone(), g.by(), slug.into_inner());
    blocking(move || ops::delete_list(&st, b, &slug).map_err(ApiError::from)).await?;
    Ok(see_other("/lists?ok=list_deleted"))
}

#[derive(Deserialize)]
pub struct VisibilityForm {
    #[serde(default)]
    visible: String,
}

/// Offers the list to everyone in the preference centre, or only to its members.
pub async fn set_list_visibility(
    state: web::Data<AppState>,
    g: Guard<perm::EditContacts>,
    slug: web::Path<String>,
    CsrfForm(form): CsrfForm<VisibilityForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, b, slug) = (state.clone(), g.by(), slug.into_inner());
    let visible = form.visible == "1";
    blocking(move || ops::set_list_visibility(&st, b, &slug, visible).map_err(ApiError::from)).await?;
    Ok(see_other(if visible { "/lists?ok=list_visible" } else { "/lists?ok=list_hidden" }))
}
