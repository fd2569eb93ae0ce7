//! The operator's queue: the list of WISEs by status, one WISE's review, and the decisions
//! (approve, ask for changes, suspend, reinstate) with their mails.

use super::*;
use crate::web::context::Ctx;

pub(super) const PER_PAGE: u32 = 50;

#[derive(Deserialize)]
pub(super) struct QueueQuery {
    pub(super) status: Option<String>,
    pub(super) page: Option<u32>,
    pub(super) notice: Option<String>,
}

/// Notices a decision's redirect may ask the queue to show (anything else is ignored).
pub(super) fn notice_key(notice: Option<&str>) -> Option<&'static str> {
    [Decision::Approve, Decision::RequestChanges, Decision::Suspend, Decision::Reinstate]
        .into_iter()
        .find(|d| Some(d.notice()) == notice)
        .map(Decision::notice_key)
}

pub(super) async fn queue_page(ctx: Ctx, query: web::Query<QueueQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let query = query.into_inner();
    let status = query.status.unwrap_or_else(|| "all".to_string());
    if !store::filters().any(|f| f == status) {
        let known: Vec<&str> = store::filters().collect();
        return Err(AppError::BadRequest(format!("status: {status:?} is not one of {}", known.join(", "))));
    }
    let page = query.page.unwrap_or(1);
    if page == 0 {
        return Err(AppError::BadRequest("page: pages are numbered from 1".into()));
    }
    let filter = status.clone();
    let (counts, (organisations, total)) =
        ctx.state.db(move |c| Ok((store::status_counts(c)?, store::queue(c, &filter, page, PER_PAGE)?))).await?;
    let paging = Paging::new(page, PER_PAGE, total);
    if page > paging.pages {
        return Err(AppError::NotFound);
    }
    let data = json!({
        "nav": "admin-organisations",
        "status": status,
        "tabs": view::filter_tabs(&counts, &status),
        "organisations": organisations,
        "total": total,
        "paging": paging,
        "notice": notice_key(query.notice.as_deref()),
    });
    ctx.render("admin/organisations", data)
}

/// The fields of the decision forms.
pub(super) const DECISION_FIELDS: [&str; 2] = ["message", "reason"];

/// The review page of one WISE, with `extra` data (errors, a refusal) on top.
pub(super) async fn review_view(
    ctx: &Ctx,
    id: i32,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let review = ctx.state.db(move |c| Ok(store::review(c, id)?)).await?.ok_or(AppError::NotFound)?;
    let data = view::review_page(&review);
    let defaults = json!({
        "refusal": null,
        "errors": field_errors(&DECISION_FIELDS, &[]),
        "message": "",
        "reason": "",
    });
    ctx.render_over(status, "admin/organisation", page::merge(data, defaults), extra)
}

pub(super) async fn review_page(ctx: Ctx, path: web::Path<i32>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    review_view(&ctx, path.into_inner(), StatusCode::OK, json!({})).await
}

/// What the operator decides about a WISE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Decision {
    Approve,
    RequestChanges,
    Suspend,
    Reinstate,
}

impl Decision {
    /// The statuses a WISE may have for this decision.
    pub(super) fn applies_to(self) -> &'static [Status] {
        match self {
            Decision::Approve | Decision::RequestChanges => &[Status::Pending],
            Decision::Suspend => &[Status::Pending, Status::Approved],
            Decision::Reinstate => &[Status::Suspended],
        }
    }

    /// The status it leads to (asking for changes leaves the WISE pending).
    pub(super) fn leads_to(self) -> Status {
        match self {
            Decision::Approve | Decision::Reinstate => Status::Approved,
            Decision::RequestChanges => Status::Pending,
            Decision::Suspend => Status::Suspended,
        }
    }

    /// The form field holding the message this decision requires, if any.
    pub(super) fn message_field(self) -> Option<&'static str> {
        match self {
            Decision::RequestChanges => Some("message"),
            Decision::Suspend => Some("reason"),
            Decision::Approve | Decision::Reinstate => None,
        }
    }

    pub(super) fn audit_action(self) -> &'static str {
        match self {
            Decision::Approve => "organisation_approved",
            Decision::RequestChanges => "organisation_changes_requested",
            Decision::Suspend => "organisation_suspended",
            Decision::Reinstate => "organisation_reinstated",
        }
    }

    /// The mail to the WISE, and the notice in the queue afterwards.
    pub(super) fn notice(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::RequestChanges => "changes-requested",
            Decision::Suspend => "suspended",
            Decision::Reinstate => "reinstated",
        }
    }

    pub(super) fn mail(self) -> String {
        format!("organisation-{}", self.notice())
    }

    pub(super) fn notice_key(self) -> &'static str {
        match self {
            Decision::Approve => "registry-notice-approved",
            Decision::RequestChanges => "registry-notice-changes-requested",
            Decision::Suspend => "registry-notice-suspended",
            Decision::Reinstate => "registry-notice-reinstated",
        }
    }
}

/// The message fields of a decision form (the one that is not needed stays empty).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct DecisionForm {
    pub(super) message: String,
    pub(super) reason: String,
}

/// Why a decision cannot be made now.
pub(super) enum Refusal {
    /// The WISE's status does not allow it (or changed meanwhile).
    Status,
    /// The applicant has not confirmed their email address.
    Unconfirmed,
}

/// Changes a WISE's status, mails its users and its own address, and writes the audit
/// log, in one transaction.
pub(super) async fn decide(
    ctx: &Ctx,
    id: i32,
    decision: Decision,
    form: DecisionForm,
) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let message = match decision.message_field() {
        None => None,
        Some(field) => {
            let text = multiline(if field == "message" { &form.message } else { &form.reason });
            let key = if text.is_empty() {
                Some("error-required")
            } else if char_len(&text) > MAX_DESCRIPTION {
                Some("error-too-long")
            } else {
                None
            };
            if let Some(key) = key {
                let errors = [FieldError { field: field.to_string(), key }];
                let extra = json!({
                    "errors": field_errors(&DECISION_FIELDS, &errors),
                    "message": form.message,
                    "reason": form.reason,
                });
                return review_view(ctx, id, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
            }
            Some(text)
        }
    };
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.clone());
    let (admin_id, admin_email) = (admin.id, admin.email.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let organisation = store::organisation(c, id)?.ok_or(AppError::NotFound)?;
                if !decision.applies_to().contains(&organisation.status()) {
                    return Ok(Err(Refusal::Status));
                }
                if decision.leads_to().is_public() && store::awaits_confirmation(c, id)? {
                    return Ok(Err(Refusal::Unconfirmed));
                }
                let to = decision.leads_to();
                if !crate::organisation::store::set_status(
                    c,
                    id,
                    &organisation.status,
                    to.as_str(),
                    message.as_deref(),
                    now,
                )? {
                    return Ok(Err(Refusal::Status));
                }
                let base = worker.config.base_url();
                let page_link = match to {
                    Status::Approved => format!("{base}/organisations/{}", organisation.slug),
                    _ => format!("{base}/sign-in"),
                };
                let default_language = worker.default_lang().code();
                for recipient in store::recipients(c, &organisation, default_language)? {
                    let lang = Lang::parse(&recipient.language).unwrap_or(Lang::Nl);
                    let data = json!({
                        "name": recipient.name,
                        "organisation": organisation.name,
                        "message": message,
                        "link": page_link,
                        "unsubscribe_url": null,
                    });
                    let mail = mail::render(&worker.templates, &decision.mail(), lang, &recipient.email, data)?;
                    outbox::enqueue(c, &mail, None, now)?;
                }
                audit::Entry::by(
                    admin_id,
                    &admin_email,
                    &ip,
                    decision.audit_action(),
                    &format!("organisation {}", organisation.kvk_number),
                    message.as_deref().unwrap_or(""),
                )
                .record(c, now)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    let refusal = match outcome {
        Ok(()) => return Ok(see_other(&format!("/admin/organisations?notice={}", decision.notice()))),
        Err(Refusal::Status) => "error-registry-status",
        Err(Refusal::Unconfirmed) => "error-registry-unconfirmed",
    };
    review_view(ctx, id, StatusCode::CONFLICT, json!({ "refusal": refusal })).await
}

pub(super) async fn approve(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&ctx, path.into_inner(), Decision::Approve, form).await
}

pub(super) async fn request_changes(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&ctx, path.into_inner(), Decision::RequestChanges, form).await
}

pub(super) async fn suspend(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&ctx, path.into_inner(), Decision::Suspend, form).await
}

pub(super) async fn reinstate(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&ctx, path.into_inner(), Decision::Reinstate, form).await
}
