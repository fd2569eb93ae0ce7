//! The partners' pages: the WISE's proposal (inviting a company new to the platform),
//! a partnership's page, the company's confirmation, a review of the phase by either
//! partner, and ending it (a withdrawal or a refusal before confirmation). Each change
//! is audited and mailed to the other partner through the outbox.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::model::{ConfirmForm, EndForm, ProposalForm, ReviewForm, Side, END_FIELDS, PROPOSAL_FIELDS, REVIEW_FIELDS};
use super::{audited, readable, store, view, viewer, Viewer};
use crate::accounts::NewCompany;
use crate::db::{write_tx, DbConn};
use crate::mail::outbox;
use crate::users::model::CurrentUser;
use crate::validation::FieldError;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/partnerships/new", new_page);
    routes::post(cfg, "/partnerships", create);
    routes::get(cfg, "/partnerships/{id}", show);
    routes::post(cfg, "/partnerships/{id}/confirm", confirm);
    routes::post(cfg, "/partnerships/{id}/review", review);
    routes::post(cfg, "/partnerships/{id}/end", end);
}

/// Mails `event` about partnership `id` to the partner other than `from` (its users),
/// once each (the outbox key).
fn notify(
    c: &mut DbConn,
    state: &AppState,
    id: i32,
    event: &str,
    from: Side,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let listed = store::get(c, id)?.ok_or(AppError::NotFound)?;
    let p = &listed.partnership;
    let recipients = match from {
        Side::Wise => crate::buying::store::contacts(c, p.company_id)?,
        Side::Company => crate::users::store::wise_staff(c, p.wise_id)?,
    };
    let data = json!({
        "subject_key": format!("mail-partnership-{event}-subject"),
        "intro_key": format!("mail-partnership-{event}-intro"),
        "wise": listed.wise_name,
        "company": listed.company_name,
        "reason": p.end_reason.clone().unwrap_or_default(),
        "link": format!("{}/partnerships/{id}", state.config.base_url()),
    });
    let key = |email: &str| format!("partnership:{id}:{event}:{email}");
    outbox::enqueue_each(c, &state.templates, "partnership", &recipients, |_| data.clone(), key, now)?;
    Ok(())
}

fn form_page(
    ctx: &Ctx,
    status: StatusCode,
    form: &ProposalForm,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let mut data = view::proposal_page(form);
    data["errors"] = field_errors(&PROPOSAL_FIELDS, errors);
    data["error_summary"] = error_summary(errors, "pa-field-", |f| format!("pa-{f}"));
    ctx.render_status(status, "partnerships/new", data)
}

/// The WISE user proposing, and their WISE; 403 for anyone else.
async fn proposer(ctx: &Ctx) -> Result<(CurrentUser, i32), AppError> {
    match viewer(ctx).await? {
        Viewer::Wise(user, wise) => Ok((user, wise)),
        _ => Err(AppError::Forbidden),
    }
}

/// `/partnerships/new`: the WISE's proposal form.
async fn new_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    proposer(&ctx).await?;
    let today = ctx.state.now().date().format("%Y-%m-%d").to_string();
    let form =
        ProposalForm { language: "nl".into(), phase: "orientation".into(), started_on: today, ..Default::default() };
    form_page(&ctx, StatusCode::OK, &form, &[])
}

/// The WISE proposes a partnership. A company new to the platform is created (pending the
/// operator's approval, like a buyer's own registration) and its contact invited.
async fn create(ctx: Ctx, CsrfForm(form): CsrfForm<ProposalForm>) -> Result<HttpResponse, AppError> {
    let (user, wise) = proposer(&ctx).await?;
    let (now, ip, state) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    let typed = form.clone();
    let outcome = ctx
        .state
        .db(move |c| {
            let known = crate::buying::store::by_kvk(c, typed.company_kvk.trim())?;
            let input = typed.check(known.is_some(), now.date()).map_err(AppError::Validation)?;
            let taken = |key| AppError::Validation(vec![FieldError { field: "company_kvk".into(), key }]);
            if let Some(company) = &known {
                if company.status == "suspended" {
                    return Err(taken("error-partnership-company-suspended"));
                }
                if store::running(c, wise, company.id)? {
                    return Err(taken("error-partnership-exists"));
                }
            }
            write_tx(c, |c| {
                let company = match &known {
                    Some(o) => o.id,
                    None => {
                        let new = NewCompany {
                            name: &input.company_name,
                            kvk_number: &input.company_kvk,
                            contact: &input.company_contact,
                            email: &input.company_email,
                            language: &input.language,
                            field_prefix: "company_",
                        };
                        crate::accounts::invite_company(c, &state, &new, "pending", &user.email, now)?
                            .map_err(AppError::Validation)?
                    }
                };
                let id = store::propose(c, wise, company, &input, user.id, now)?;
                let detail = format!("{} {} {}", input.company_kvk, input.phase, input.exchanges.join(","));
                audited(c, &user, &ip, "partnership_proposed", id, &detail, now)?;
                notify(c, &state, id, "proposed", Side::Wise, now)?;
                Ok::<_, AppError>(id)
            })
        })
        .await;
    match outcome {
        Ok(id) => Ok(see_other(&format!("/partnerships/{id}?notice=proposed"))),
        Err(AppError::Validation(errors)) => form_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors),
        Err(e) => Err(e),
    }
}

/// `/partnerships/{id}`: the partnership, its history, and what the viewer may do.
async fn show(ctx: Ctx, path: web::Path<i32>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let notice = query.notice.as_deref().and_then(view::notice_key);
    render_partnership(&ctx, path.into_inner(), StatusCode::OK, None, json!({ "notice": notice })).await
}

/// The partnership's page with `extra` (a form's errors and values); the review form
/// as `review` left it, or as the partnership stands.
async fn render_partnership(
    ctx: &Ctx,
    id: i32,
    status: StatusCode,
    review: Option<&ReviewForm>,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let viewer = viewer(ctx).await?;
    let (listed, side) = readable(ctx, &viewer, id).await?;
    let phases = ctx.state.db(move |c| Ok(store::phases(c, id)?)).await?;
    let defaults = view::review_defaults(&listed, side, ctx.state.now().date());
    let data = view::partnership_page(&listed, &phases, side, review.unwrap_or(&defaults));
    ctx.render_status(status, "partnerships/show", crate::web::page::merge(data, extra))
}

/// The viewer's side of partnership `id`; 404 when they are not a partner, 409 when it
/// is not in `state`.
async fn acting_side(ctx: &Ctx, id: i32, state: &[&str]) -> Result<(CurrentUser, Side, store::Listed), AppError> {
    let viewer = viewer(ctx).await?;
    let (listed, side) = readable(ctx, &viewer, id).await?;
    let side = side.ok_or(AppError::Forbidden)?;
    if !state.contains(&listed.partnership.state.as_str()) {
        return Err(AppError::Conflict(format!("the partnership is {}", listed.partnership.state)));
    }
    Ok((viewer.user().clone(), side, listed))
}

/// The company confirms a proposed partnership (and says whether it may be named).
async fn confirm(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (user, side, _) = acting_side(&ctx, id, &["proposed"]).await?;
    if side != Side::Company {
        return Err(AppError::Forbidden);
    }
    let (named, people) = match form.check() {
        Ok(checked) => checked,
        Err(errors) => {
            let extra = json!({ "confirm_errors": field_errors(&["company_people"], &errors) });
            return render_partnership(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, None, extra).await;
        }
    };
    let (now, ip, state) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::confirm(c, id, named, &people, user.id, now)? {
                    return Err(AppError::Conflict("the partnership is no longer proposed".into()));
                }
                audited(c, &user, &ip, "partnership_confirmed", id, if named { "named" } else { "not named" }, now)?;
                notify(c, &state, id, "confirmed", Side::Company, now)
            })
        })
        .await?;
    Ok(see_other(&format!("/partnerships/{id}?notice=confirmed")))
}

/// Either partner reviews a confirmed partnership: its phase now, the kinds of value,
/// a note; kept in the history.
async fn review(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (user, side, listed) = acting_side(&ctx, id, &["confirmed"]).await?;
    let checked = form.check(listed.partnership.started_on, ctx.state.now().date());
    let review = match checked {
        Ok(review) => review,
        Err(errors) => {
            let extra = json!({ "review_errors": field_errors(&REVIEW_FIELDS, &errors) });
            return render_partnership(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, Some(&form), extra).await;
        }
    };
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::review(c, id, side, &review, user.id, now)? {
                    return Err(AppError::Conflict("the partnership is no longer confirmed".into()));
                }
                let detail = format!("{} {}", review.phase, review.changed_on);
                Ok(audited(c, &user, &ip, "partnership_reviewed", id, &detail, now)?)
            })
        })
        .await?;
    Ok(see_other(&format!("/partnerships/{id}?notice=reviewed")))
}

/// Ends a partnership: a confirmed one by either partner (`ended`); before confirmation
/// the WISE withdraws it and the company declines it. A reason is required.
async fn end(ctx: Ctx, path: web::Path<i32>, CsrfForm(form): CsrfForm<EndForm>) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (user, side, listed) = acting_side(&ctx, id, &["proposed", "confirmed"]).await?;
    let from = listed.partnership.state.clone();
    let to = match (from.as_str(), side) {
        ("confirmed", _) => "ended",
        (_, Side::Wise) => "withdrawn",
        (_, Side::Company) => "declined",
    };
    let (ended_on, reason) = match form.check(listed.partnership.started_on, ctx.state.now().date()) {
        Ok(checked) => checked,
        Err(errors) => {
            let extra = json!({ "end": form, "end_errors": field_errors(&END_FIELDS, &errors) });
            return render_partnership(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, None, extra).await;
        }
    };
    let (now, ip, state) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::end(c, id, &from, to, side, ended_on, &reason, now)? {
                    return Err(AppError::Conflict(format!("the partnership is no longer {from}")));
                }
                audited(c, &user, &ip, &format!("partnership_{to}"), id, &reason, now)?;
                notify(c, &state, id, to, side, now)
            })
        })
        .await?;
    Ok(see_other(&format!("/partnerships/{id}?notice={to}")))
}
