//! Subscribe forms in the admin UI: the list with counts, the builder, the hosted page's
//! address and the embeddable snippet.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::Deserialize;

use super::{page, see_other, unprocessable};
use crate::domain::FieldKind;
use crate::forms::ops::{self as fops, FormInput};
use crate::forms::{Form, FormId};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::Language;
use crate::ops::OpError;
use crate::state::{blocking, AppState};

fn form_id(raw: &str) -> Result<FormId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("form"))
}

/// Notices after a redirect, from a fixed list (nothing from the query string is echoed): the
/// admin message the frame says.
fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "created" => "cm-notice-form-created",
        "saved" => "cm-notice-form-saved",
        "deleted" => "cm-notice-form-deleted",
        _ => return None,
    })
}

/// A field's kind as the admin catalogue names it.
fn kind_key(k: &FieldKind) -> &'static str {
    match k {
        FieldKind::Text => "cm-field-kind-text",
        FieldKind::Number => "cm-field-kind-number",
        FieldKind::Date => "cm-field-kind-date",
        FieldKind::Boolean => "cm-field-kind-boolean",
        FieldKind::Choice => "cm-field-kind-choice",
        FieldKind::MultiChoice => "cm-field-kind-multi",
    }
}

#[derive(Deserialize)]
pub struct Notice {
    ok: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let forms = blocking(move || -> Result<Vec<Value>, ApiError> {
        let base = st.config.public_url();
        st.forms
            .all()?
            .iter()
            .map(|f| {
                let n = st.forms.counts(&f.id)?;
                Ok(context! {
                    id => f.id.to_string(), name => f.name, title => f.title, double_opt_in => f.double_opt_in,
                    proof_of_work => f.proof_of_work, hosted_url => format!("{base}/f/{}", f.id),
                    submitted => n.submitted, confirmed => n.confirmed, pending => n.pending(),
                    updated_at => f.updated_at,
                })
            })
            .collect()
    })
    .await?;
    page(&state, &g, "forms.html", "forms", context! { forms => forms, notice => notice(q.ok.as_deref()) })
}

/// The builder's choices: custom fields, lists and purposes (with the wording people will see,
/// in the staff member's language where the purpose has it).
fn choices(state: &AppState, f: &Form, ui: &Language) -> Result<Value, ApiError> {
    let fields: Vec<Value> = state
        .fields
        .all()
        .iter()
        .map(|d| context! { key => d.key, label => d.label, kind => ui.text(kind_key(&d.kind), None), checked => f.custom_fields.contains(&d.key) })
        .collect();
    let lists: Vec<Value> = state
        .lists
        .all()?
        .iter()
        .map(|l| context! { slug => l.slug, name => l.name, checked => f.lists.contains(&l.slug) })
        .collect();
    let mut purposes = Vec::new();
    for p in state.purposes.all()? {
        let wording = state.purposes.wording_in(&p, &ui.code)?;
        let name = state.purposes.name_in(&p, &ui.code)?;
        let version = wording.as_ref().map_or(p.current_wording, |w| w.version);
        let wording_language = wording.as_ref().and_then(|w| w.language.clone());
        purposes.push(context! {
            key => p.key, name => name, version => version, wording_language => wording_language,
            wording => wording.map(|w| w.text),
            checked => f.purposes.contains(&p.key), required => f.required_purposes.contains(&p.key),
        });
    }
    Ok(context! { fields => fields, lists => lists, purposes => purposes })
}

/// What the public form shows, for the hosted page and the snippet alike. The snippet's URLs
/// are absolute (`http.public_url`); the hosted page's are relative to wherever it was reached.
/// Consent boxes carry the text (and its version) in `language` where the shop has one.
pub fn public_view(state: &AppState, f: &Form, embed: bool, language: &str) -> Result<Value, ApiError> {
    let defs = state.fields.all();
    let custom: Vec<Value> = f
        .custom_fields
        .iter()
        .filter_map(|k| defs.iter().find(|d| &d.key == k))
        .map(|d| {
            let kind = match d.kind {
                FieldKind::Text => "text",
                FieldKind::Number => "number",
                FieldKind::Date => "date",
                FieldKind::Boolean => "boolean",
                FieldKind::Choice => "choice",
                FieldKind::MultiChoice => "multi",
            };
            context! { key => d.key, label => d.label, kind => kind, options => d.options, max_len => d.max_len }
        })
        .collect();
    let mut purposes = Vec::new();
    for key in &f.purposes {
        let Some(p) = state.purposes.get(key)? else { continue };
        let Some(w) = state.purposes.wording_in(&p, language)? else { continue };
        let required = f.required_purposes.contains(&p.key);
        let name = state.purposes.name_in(&p, language)?;
        purposes
            .push(context! { key => p.key, name => name, version => w.version, text => w.text, required => required });
    }
    let base = if embed { state.config.public_url() } else { String::new() };
    let texts = state.forms.languages.get(&f.id)?.texts_for(language, f);
    Ok(context! {
        id => f.id.to_string(), title => texts.title, intro => texts.intro,
        ask_first_name => f.ask_first_name, ask_last_name => f.ask_last_name,
        custom => custom, purposes => purposes, proof_of_work => f.proof_of_work,
        // Built from the validated public URL and a UUID: nothing to escape, and the snippet
        // an admin copies reads better without `&#x2f;` for every slash.
        action => Value::from_safe_string(format!("{base}/f/{}", f.id)),
        challenge_url => Value::from_safe_string(format!("{base}/f/{}/challenge", f.id)),
        pow_script => Value::from_safe_string(format!("{base}/static/pow.js")),
    })
}

/// The embeddable HTML: the same form as the hosted page, rendered standalone.
pub fn snippet(state: &AppState, f: &Form) -> Result<String, ApiError> {
    let html = {
        // The snippet goes on the shop's own pages: in the shop's language.
        let language = match state.forms.languages.get(&f.id)?.language {
            Some(own) => own,
            None => state.settings.get().map(|s| s.language).unwrap_or_else(|_| crate::i18n::SOURCE.into()),
        };
        let view = public_view(state, f, true, &language)?;
        crate::http::templates::templates()
            .render("form_embed.html", context! { form => view, embed => true, lang => language })?
    };
    Ok(html.trim().to_string())
}

/// The builder's context (reads the store: call from the blocking pool).
fn builder_ctx(state: &AppState, f: &Form, is_new: bool, ui: &Language) -> Result<Value, ApiError> {
    let base = state.config.public_url();
    let (snippet, counts) =
        if is_new { (String::new(), Default::default()) } else { (snippet(state, f)?, state.forms.counts(&f.id)?) };
    Ok(context! {
        is_new => is_new,
        form => context! {
            id => f.id.to_string(), name => f.name, title => f.title, intro => f.intro,
            ask_first_name => f.ask_first_name, ask_last_name => f.ask_last_name,
            double_opt_in => f.double_opt_in, proof_of_work => f.proof_of_work,
            thank_you => f.thank_you, redirect_url => f.redirect_url,
        },
        choices => choices(state, f, ui)?,
        languages => languages_ctx(state, f)?,
        hosted_url => Value::from_safe_string(format!("{base}/f/{}", f.id)),
        snippet => snippet,
        counts => context! { submitted => counts.submitted, confirmed => counts.confirmed, pending => counts.pending() },
        confirm_hours => state.config.forms.confirm_hours,
        unconfirmed_days => state.config.forms.unconfirmed_days,
    })
}

/// The form's languages for the builder: its own default and, per language, the texts given.
fn languages_ctx(state: &AppState, f: &Form) -> Result<Value, ApiError> {
    let l = state.forms.languages.get(&f.id)?;
    let shop = state.settings.get()?.language;
    let all: Vec<Value> = crate::i18n::catalogue()
        .languages()
        .iter()
        .map(|lang| {
            let t = l.texts.get(&lang.code).cloned().unwrap_or_default();
            context! {
                code => lang.code, name => lang.name, shop => lang.code == shop,
                title => t.title, intro => t.intro, thank_you => t.thank_you,
                given => l.texts.contains_key(&lang.code),
            }
        })
        .collect();
    Ok(context! { own => l.language, all => all })
}

/// The languages section: the form's own language and its texts per language (parallel
/// lists, one entry per language in the page's order).
#[derive(Deserialize, Default)]
pub struct LanguagesForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    code: Vec<String>,
    #[serde(default)]
    title: Vec<String>,
    #[serde(default)]
    intro: Vec<String>,
    #[serde(default)]
    thank_you: Vec<String>,
}

pub async fn save_languages(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(body): CsrfForm<LanguagesForm>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
    let input = fops::LanguagesInput {
        language: body.language.clone(),
        texts: body
            .code
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let t = crate::forms::languages::FormTexts {
                    title: at(&body.title, i),
                    intro: at(&body.intro, i),
                    thank_you: at(&body.thank_you, i),
                };
                (code.clone(), t)
            })
            .collect(),
    };
    let (st, by, ui) = (state.clone(), g.by(), super::ui_language(&state, &g));
    let typed = input.clone();
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(match fops::set_languages(&st, by, &id, &input) {
            Ok(_) => Ok(()),
            Err(OpError::Invalid { field, message }) => {
                let f = fops::get(&st, &id)?;
                Err((builder_ctx(&st, &f, false, ui)?, errors(field, message)))
            }
            Err(e) => return Err(e.into()),
        })
    })
    .await?;
    match result {
        Ok(()) => Ok(see_other(&format!("/forms/{id}?ok=saved#languages"))),
        Err((ctx, errors)) => {
            // What was typed goes back in its fields.
            let all: Vec<Value> = crate::i18n::catalogue()
                .languages()
                .iter()
                .map(|lang| {
                    let t = typed.texts.get(&lang.code).cloned().unwrap_or_default();
                    context! {
                        code => lang.code, name => lang.name, title => t.title, intro => t.intro,
                        thank_you => t.thank_you, given => true,
                    }
                })
                .collect();
            let languages = context! { own => typed.language, all => all };
            let ctx = context! { languages => languages, ..ctx };
            render_builder(&state, &g, ctx, context! { errors => errors }).map(unprocessable)
        }
    }
}

fn render_builder(state: &AppState, g: &Principal, ctx: Value, extra: Value) -> Result<HttpResponse, ApiError> {
    page(state, g, "form_edit.html", "forms", context! { ..ctx, ..extra })
}

/// A blank form as `create` would make it, for the new-form page. Its heading and thank-you
/// text are what visitors read, in the shop's language (English where the admin catalogue
/// lacks it), whoever builds the form.
fn blank(state: &AppState, g: &Principal) -> Form {
    let now = chrono::Utc::now();
    let shop = state.settings.get().map(|s| s.language).unwrap_or_else(|_| crate::i18n::SOURCE.into());
    let visitors = crate::i18n::admin_catalogue().get(&shop);
    Form {
        id: FormId::new(),
        name: String::new(),
        title: visitors.text("cm-form-default-title", None),
        intro: String::new(),
        ask_first_name: true,
        ask_last_name: false,
        custom_fields: vec![],
        lists: vec![],
        purposes: vec!["newsletter".into()],
        required_purposes: vec!["newsletter".into()],
        double_opt_in: true,
        thank_you: visitors.text("cm-form-default-thank-you", None),
        proof_of_work: false,
        redirect_url: String::new(),
        created_by: g.actor().reference(),
        created_at: now,
        updated_at: now,
    }
}

pub async fn new_form(state: web::Data<AppState>, g: Guard<perm::SendCampaigns>) -> Result<HttpResponse, ApiError> {
    let (st, f, ui) = (state.clone(), blank(&state, &g), super::ui_language(&state, &g));
    let ctx = blocking(move || builder_ctx(&st, &f, true, ui)).await?;
    render_builder(&state, &g, ctx, context! {})
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, ui) = (state.clone(), super::ui_language(&state, &g));
    let ctx = blocking(move || builder_ctx(&st, &fops::get(&st, &id)?, false, ui)).await?;
    render_builder(&state, &g, ctx, context! { notice => notice(q.ok.as_deref()) })
}

/// The builder's fields; checkboxes that are not ticked are absent.
#[derive(Deserialize, Default)]
pub struct BuilderForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    ask_first_name: Option<String>,
    #[serde(default)]
    ask_last_name: Option<String>,
    #[serde(default)]
    custom_fields: Vec<String>,
    #[serde(default)]
    lists: Vec<String>,
    #[serde(default)]
    purposes: Vec<String>,
    #[serde(default)]
    required_purposes: Vec<String>,
    #[serde(default)]
    double_opt_in: Option<String>,
    #[serde(default)]
    proof_of_work: Option<String>,
    #[serde(default)]
    thank_you: String,
    #[serde(default)]
    redirect_url: String,
}

impl BuilderForm {
    fn input(&self) -> FormInput {
        FormInput {
            name: Some(self.name.clone()),
            title: Some(self.title.clone()),
            intro: Some(self.intro.clone()),
            ask_first_name: Some(self.ask_first_name.is_some()),
            ask_last_name: Some(self.ask_last_name.is_some()),
            custom_fields: Some(self.custom_fields.clone()),
            lists: Some(self.lists.clone()),
            purposes: Some(self.purposes.clone()),
            required_purposes: Some(self.required_purposes.clone()),
            double_opt_in: Some(self.double_opt_in.is_some()),
            thank_you: Some(self.thank_you.clone()),
            proof_of_work: Some(self.proof_of_work.is_some()),
            redirect_url: Some(self.redirect_url.clone()),
        }
    }

    /// The form as typed, to show again with an error.
    fn as_form(&self, base: Form) -> Form {
        Form {
            name: self.name.clone(),
            title: self.title.clone(),
            intro: self.intro.clone(),
            ask_first_name: self.ask_first_name.is_some(),
            ask_last_name: self.ask_last_name.is_some(),
            custom_fields: self.custom_fields.clone(),
            lists: self.lists.clone(),
            purposes: self.purposes.clone(),
            required_purposes: self.required_purposes.clone(),
            double_opt_in: self.double_opt_in.is_some(),
            proof_of_work: self.proof_of_work.is_some(),
            thank_you: self.thank_you.clone(),
            redirect_url: self.redirect_url.clone(),
            ..base
        }
    }
}

fn errors(field: &str, message: String) -> BTreeMap<String, String> {
    BTreeMap::from([(field.to_string(), message)])
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    CsrfForm(body): CsrfForm<BuilderForm>,
) -> Result<HttpResponse, ApiError> {
    let (st, by, typed) = (state.clone(), g.by(), body.as_form(blank(&state, &g)));
    let ui = super::ui_language(&state, &g);
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(match fops::create(&st, by, &body.input()) {
            Ok(f) => Ok(f.id),
            Err(OpError::Invalid { field, message }) => {
                Err((builder_ctx(&st, &typed, true, ui)?, errors(field, message)))
            }
            Err(e) => return Err(e.into()),
        })
    })
    .await?;
    match result {
        Ok(id) => Ok(see_other(&format!("/forms/{id}?ok=created"))),
        Err((ctx, errors)) => render_builder(&state, &g, ctx, context! { errors => errors }).map(unprocessable),
    }
}

pub async fn save(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    CsrfForm(body): CsrfForm<BuilderForm>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, by, ui) = (state.clone(), g.by(), super::ui_language(&state, &g));
    let result = blocking(move || -> Result<_, ApiError> {
        Ok(match fops::update(&st, by, &id, &body.input()) {
            Ok(f) => Ok(f.id),
            Err(OpError::Invalid { field, message }) => {
                let typed = body.as_form(fops::get(&st, &id)?);
                Err((builder_ctx(&st, &typed, false, ui)?, errors(field, message)))
            }
            Err(e) => return Err(e.into()),
        })
    })
    .await?;
    match result {
        Ok(id) => Ok(see_other(&format!("/forms/{id}?ok=saved"))),
        Err((ctx, errors)) => render_builder(&state, &g, ctx, context! { errors => errors }).map(unprocessable),
    }
}

pub async fn delete(
    state: web::Data<AppState>,
    g: Guard<perm::SendCampaigns>,
    path: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = form_id(&path)?;
    let (st, by) = (state.clone(), g.by());
    blocking(move || fops::delete(&st, by, &id).map_err(ApiError::from)).await?;
    Ok(see_other("/forms?ok=deleted"))
}
