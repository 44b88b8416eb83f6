//! Users and roles.

use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::{notice, page, role_description_key, role_key, see_other, ui_language, user_view, NoticeQuery};
use crate::domain::{PersonId, Role};
use crate::http::error::ApiError;
use crate::http::guard::{perm, CsrfForm, Guard, Principal};
use crate::i18n::Language;
use crate::ops::{self, OpError};
use crate::state::{blocking, AppState};

/// The roles to choose from, named and described in the reader's language.
fn roles(ui: &Language) -> Vec<minijinja::Value> {
    Role::ALL
        .iter()
        .map(|r| {
            context! {
                value => r.as_str(), label => ui.text(role_key(*r), None),
                describe => ui.text(role_description_key(*r), None),
            }
        })
        .collect()
}

pub async fn list(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let st = state.clone();
    let users = blocking(move || st.users.list()).await?;
    let ui = ui_language(&state, &g);
    let views: Vec<_> = users.iter().map(|u| user_view(u, ui)).collect();
    page(
        &state,
        &g,
        "users.html",
        "users",
        context! { users => views, roles => roles(ui), notice => notice(q.ok.as_deref()) },
    )
}

pub async fn new_form(state: web::Data<AppState>, g: Guard<perm::ManageUsers>) -> Result<HttpResponse, ApiError> {
    page(
        &state,
        &g,
        "user_new.html",
        "users",
        context! { roles => roles(ui_language(&state, &g)), errors => context!{}, form => context!{ role => "marketer" } },
    )
}

#[derive(Deserialize)]
pub struct NewUserForm {
    username: String,
    #[serde(default)]
    display_name: String,
    role: String,
}

pub async fn create(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    CsrfForm(form): CsrfForm<NewUserForm>,
) -> Result<HttpResponse, ApiError> {
    let role: Result<Role, _> = form.role.parse();
    let b = g.by();
    let st = state.clone();
    let (username, display_name) = (form.username.clone(), form.display_name.clone());
    let result = match role {
        Err(m) => Err(OpError::Invalid { field: "role", message: m }),
        Ok(role) => {
            blocking(move || -> Result<_, ApiError> { Ok(ops::create_user(&st, b, &username, &display_name, role)) })
                .await?
        }
    };
    match result {
        Ok(created) => page(
            &state,
            &g,
            "user_created.html",
            "users",
            context! { user => user_view(&created.user, ui_language(&state, &g)), password => created.one_time_password },
        ),
        Err(OpError::Invalid { field, message }) => form_error(&state, &g, &form, field, message),
        Err(OpError::Conflict(message)) | Err(OpError::Forbidden(message)) => {
            form_error(&state, &g, &form, "username", message)
        }
        Err(e) => Err(e.into()),
    }
}

fn form_error(
    state: &AppState,
    g: &Principal,
    form: &NewUserForm,
    field: &str,
    message: String,
) -> Result<HttpResponse, ApiError> {
    page(
        state,
        g,
        "user_new.html",
        "users",
        context! {
            roles => roles(ui_language(state, g)),
            errors => std::collections::BTreeMap::from([(field.to_string(), message)]),
            form => context! { username => form.username, display_name => form.display_name, role => form.role },
        },
    )
    .map(super::unprocessable)
}

fn parse_id(raw: &str) -> Result<PersonId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("user"))
}

pub async fn show(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let st = state.clone();
    let (user, sessions, audit, usernames) = blocking(move || -> Result<_, ApiError> {
        let user = st.users.get(&id)?.ok_or_else(|| ApiError::not_found("user"))?;
        let sessions = st.sessions.list_user(&id)?;
        let filter = crate::audit::Filter { target: Some(id.reference()), ..Default::default() };
        let audit: Vec<_> = st.audit.views(&st.audit.query(&filter, 20)?)?;
        let usernames: std::collections::BTreeMap<String, String> =
            st.users.list()?.into_iter().map(|u| (u.id.reference(), u.username)).collect();
        Ok((user, sessions, audit, usernames))
    })
    .await?;
    let ui = ui_language(&state, &g);
    page(
        &state,
        &g,
        "user.html",
        "users",
        context! {
            user => user_view(&user, ui), roles => roles(ui), sessions => sessions, audit => audit, usernames => usernames,
            is_me => user.id == g.user.id, notice => notice(q.ok.as_deref()), reset_password => None::<String>,
        },
    )
}

#[derive(Deserialize)]
pub struct RoleForm {
    role: String,
}

pub async fn change_role(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let role: Role = form.role.parse().map_err(|m: String| ApiError::invalid("role", m))?;
    let b = g.by();
    let st = state.clone();
    blocking(move || ops::change_role(&st, b, &id, role).map_err(ApiError::from)).await?;
    Ok(see_other(&format!("/users/{id}?ok=role_changed")))
}

macro_rules! user_action {
    ($name:ident, $op:expr, $notice:literal) => {
        pub async fn $name(
            state: web::Data<AppState>,
            g: Guard<perm::ManageUsers>,
            id: web::Path<String>,
            _f: CsrfForm<super::Empty>,
        ) -> Result<HttpResponse, ApiError> {
            let id = parse_id(&id)?;
            let b = g.by();
            let st = state.clone();
            blocking(move || $op(&st, b, &id).map(|_| ()).map_err(ApiError::from)).await?;
            Ok(see_other(&format!("/users/{id}?ok={}", $notice)))
        }
    };
}

user_action!(disable, |s, b, id| ops::set_disabled(s, b, id, true), "disabled");
user_action!(enable, |s, b, id| ops::set_disabled(s, b, id, false), "enabled");
user_action!(unlock, ops::unlock, "unlocked");
user_action!(disable_2fa, |s, b, id| ops::disable_totp(s, b, id, None), "2fa_reset");

pub async fn reset_password(
    state: web::Data<AppState>,
    g: Guard<perm::ManageUsers>,
    id: web::Path<String>,
    _f: CsrfForm<super::Empty>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let b = g.by();
    let st = state.clone();
    let (user, otp) = blocking(move || ops::reset_password(&st, b, &id).map_err(ApiError::from)).await?;
    let user = user_view(&user, ui_language(&state, &g));
    page(&state, &g, "user_created.html", "users", context! { user => user, password => otp, reset => true })
}
