//! The operator's user management: inviting, roles, disabling, the audit log page.

use super::*;
use crate::web::context::Ctx;

#[derive(Deserialize)]
pub(super) struct UsersQuery {
    q: Option<String>,
    notice: Option<String>,
}

pub(super) const INVITE_FIELDS: [&str; 5] = ["email", "name", "role", "language", "organisation"];

pub(super) async fn users_view(
    ctx: &Ctx,
    query: String,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let search = query.clone();
    let users = ctx.state.db(move |c| Ok(store::search(c, &search, 500)?)).await?;
    let data = json!({
        "nav": "admin-users",
        "q": query,
        "users": users,
        "roles": Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "notice": null,
        "invite": { "email": "", "name": "", "role": "buyer", "language": "nl", "organisation": "" },
        "errors": field_errors(&INVITE_FIELDS, &[]),
    });
    ctx.render_over(status, "admin/users", data, extra)
}

pub(super) async fn users_page(ctx: Ctx, query: web::Query<UsersQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::ManageUsers, None).await?;
    let query = query.into_inner();
    let notice = notice_key(query.notice.as_deref());
    users_view(&ctx, query.q.unwrap_or_default(), StatusCode::OK, json!({ "notice": notice })).await
}

/// Missing fields are empty ones: the permission check comes first, and validation then
/// names each (a missing field is no reason for a 400 before either).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct InviteForm {
    email: String,
    name: String,
    role: String,
    language: String,
    organisation: Option<String>,
}

/// Creates a user without a password and mails them a single-use invitation link.
pub(super) async fn invite_user(ctx: Ctx, CsrfForm(form): CsrfForm<InviteForm>) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::ManageUsers, None).await?;
    let ip = ctx.client_ip();
    let email = store::normalise_email(&form.email);
    limit(&ctx.state, &attempt_keys(&ctx.state, "invite", &ip, &email))?;
    let input = store::NewUser {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
        language: form.language.clone(),
        organisation_kvk: form.organisation.clone(),
    };
    let now = ctx.state.now();
    let worker = ctx.state.get_ref().clone();
    let (admin_id, admin_email) = (admin.id, admin.email.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if let Err(errors) = invite(c, &worker, &input, &admin_email, now)? {
                    return Ok(Err(errors));
                }
                audit::Entry::by(
                    admin_id,
                    &admin_email,
                    &ip,
                    "user_invited",
                    &store::normalise_email(&input.email),
                    &input.role,
                )
                .record(c, now)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    match outcome {
        Ok(()) => Ok(see_other("/admin/users?notice=invited")),
        Err(errors) => {
            let invite = json!({
                "email": form.email, "name": form.name, "role": form.role,
                "language": form.language, "organisation": form.organisation.unwrap_or_default(),
            });
            let extra = json!({ "invite": invite, "errors": field_errors(&INVITE_FIELDS, &errors) });
            users_view(&ctx, String::new(), StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
    }
}

/// Creates the checked user `input` without a password and queues their single-use
/// invitation link from `inviter` (call in a transaction); their id, or the field errors.
pub(crate) fn invite(
    c: &mut crate::db::DbConn,
    state: &crate::web::AppState,
    input: &store::NewUser,
    inviter: &str,
    now: chrono::NaiveDateTime,
) -> Result<Result<i32, Vec<crate::validation::FieldError>>, AppError> {
    let (role, organisation) = match store::validate_new_user(c, input)? {
        Ok(valid) => valid,
        Err(errors) => return Ok(Err(errors)),
    };
    let user_id = store::create_user(c, input, role, organisation, None, now)?;
    let valid_for = Duration::days(state.config.auth.invite_link_days);
    let token = store::create_link(c, LinkPurpose::Invite, user_id, now, valid_for)?;
    let lang = Lang::parse(&input.language).unwrap_or(Lang::Nl);
    let data = json!({
        "name": input.name.trim(),
        "inviter": inviter,
        "role": role.as_str(),
        "link": state.link("/invitation", &token),
        "days": state.config.auth.invite_link_days,
        "unsubscribe_url": null,
    });
    let email = store::normalise_email(&input.email);
    let mail = mail::render(&state.templates, "invitation", lang, &email, data)?;
    outbox::enqueue(c, &mail, None, now)?;
    Ok(Ok(user_id))
}

/// A company new to the platform and whom of it to invite, as a form names them: the
/// invitation's errors go to `<prefix>contact` (the name), `<prefix>email` and `language`.
pub(crate) struct NewCompany<'a> {
    pub name: &'a str,
    pub kvk_number: &'a str,
    pub contact: &'a str,
    pub email: &'a str,
    pub language: &'a str,
    pub field_prefix: &'a str,
}

/// Creates a company (a buying organisation in `status`) and invites its contact as its
/// buyer (call in a transaction); its id, or the invitation's field errors.
pub(crate) fn invite_company(
    c: &mut crate::db::DbConn,
    state: &crate::web::AppState,
    company: &NewCompany<'_>,
    status: &str,
    inviter: &str,
    now: chrono::NaiveDateTime,
) -> Result<Result<i32, Vec<crate::validation::FieldError>>, AppError> {
    let organisation = crate::buying::BuyingInput {
        name: company.name.to_string(),
        kvk_number: company.kvk_number.to_string(),
        kind: "company".into(),
        municipality: String::new(),
    };
    let id = crate::buying::store::create(c, &organisation, status, now)?;
    let contact = store::NewUser {
        email: company.email.to_string(),
        name: company.contact.to_string(),
        role: "buyer".into(),
        language: company.language.to_string(),
        organisation_kvk: Some(company.kvk_number.to_string()),
    };
    let field = |name: &str| match name {
        "name" => format!("{}contact", company.field_prefix),
        "language" => "language".to_string(),
        _ => format!("{}email", company.field_prefix),
    };
    Ok(invite(c, state, &contact, inviter, now)?.map(|_| id).map_err(|errors| {
        errors.into_iter().map(|e| crate::validation::FieldError { field: field(&e.field), key: e.key }).collect()
    }))
}

#[derive(Deserialize)]
pub(super) struct RoleForm {
    role: String,
}

/// Which change an operator makes to a user.
pub(super) enum UserChange {
    Role(Role),
    Disable,
    Enable,
}

pub(super) async fn change_user(ctx: &Ctx, user_id: i32, change: UserChange) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::ManageUsers, None).await?;
    if admin.id == user_id {
        return Err(AppError::Conflict("you cannot change your own role or disable yourself".into()));
    }
    let (admin_id, admin_email, ip, now) = (admin.id, admin.email.clone(), ctx.client_ip(), ctx.state.now());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let target = store::find(c, user_id)?.ok_or(AppError::NotFound)?;
                let (action, detail) = match change {
                    UserChange::Role(role) => {
                        store::set_role(c, user_id, role, now)?;
                        ("role_changed", format!("{} -> {}", target.role, role.as_str()))
                    }
                    UserChange::Disable => {
                        store::set_disabled(c, user_id, true, now)?;
                        ("user_disabled", String::new())
                    }
                    UserChange::Enable => {
                        store::set_disabled(c, user_id, false, now)?;
                        ("user_enabled", String::new())
                    }
                };
                audit::Entry::by(admin_id, &admin_email, &ip, action, &target.email, &detail).record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/admin/users?notice=user-changed"))
}

pub(super) async fn change_role(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let role = Role::parse(&form.role).ok_or_else(|| AppError::Validation(one_error("role", "error-unknown-role")))?;
    change_user(&ctx, path.into_inner(), UserChange::Role(role)).await
}

pub(super) async fn disable_user(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    change_user(&ctx, path.into_inner(), UserChange::Disable).await
}

pub(super) async fn enable_user(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    change_user(&ctx, path.into_inner(), UserChange::Enable).await
}

pub(super) async fn audit_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::ManageUsers, None).await?;
    let entries = ctx.state.db(|c| Ok(audit::recent(c, 500)?)).await?;
    ctx.render("admin/audit", json!({ "nav": "admin-audit", "entries": entries }))
}
