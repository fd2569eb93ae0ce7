//! Registration queries: applications, email-confirmation links, the operator's queue
//! and status changes. Secrets are generated here and only their digests are stored.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{
    email_confirmations, organisation_sectors, organisation_target_groups, organisations, registrations,
    user_organisations, users,
};
use crate::db::DbConn;
use crate::organisation::model::{Organisation, OrganisationInput};
use crate::organisation::Status;
use crate::secret;
use crate::users::model::{Role, User};
use crate::users::store::{self as accounts, NewUser};
use crate::validation::{is_kvk_number, FieldError};

/// What the registration form sends: the WISE, its first user and their password.
#[derive(Clone)]
pub struct Application {
    pub organisation: OrganisationInput,
    /// The first user; `email` and `name` are shown as `user_email` and `user_name`.
    pub user: NewUser,
    pub password: String,
    pub password_confirm: String,
}

fn error(field: &str, key: &'static str) -> FieldError {
    FieldError { field: field.to_string(), key }
}

/// Every rule an application must follow: the WISE's fields (SPEC §2), the user's
/// fields, the password rules, and a KvK number and email address nobody has yet.
pub fn check(conn: &mut DbConn, application: &Application) -> QueryResult<Vec<FieldError>> {
    let mut errors =
        crate::organisation::store::validate_organisation(&application.organisation).err().unwrap_or_default();
    if let Err(user_errors) = accounts::validate_new_user(conn, &application.user)? {
        // The user's WISE is the one applying, so "which WISE?" does not arise.
        errors.extend(user_errors.into_iter().filter(|e| e.field != "organisation").map(|e| match e.field.as_str() {
            "email" => error("user_email", e.key),
            "name" => error("user_name", e.key),
            _ => e,
        }));
    }
    let user = &application.user;
    if let Err(password_errors) = crate::accounts::check_new_password(
        &application.password,
        &application.password_confirm,
        &user.email,
        &user.name,
    ) {
        errors.extend(password_errors);
    }
    if let Some(taken) = kvk_taken(conn, &application.organisation.kvk_number)? {
        errors.push(taken);
    }
    Ok(errors)
}

/// What another request may have taken since [`check`]: the KvK number and the email address.
pub fn check_taken(conn: &mut DbConn, application: &Application) -> QueryResult<Vec<FieldError>> {
    let mut errors: Vec<FieldError> = kvk_taken(conn, &application.organisation.kvk_number)?.into_iter().collect();
    if accounts::find_by_email(conn, &application.user.email)?.is_some() {
        errors.push(error("user_email", "error-email-taken"));
    }
    Ok(errors)
}

fn kvk_taken(conn: &mut DbConn, kvk: &str) -> QueryResult<Option<FieldError>> {
    let kvk = kvk.trim();
    if !is_kvk_number(kvk) {
        return Ok(None);
    }
    let taken: bool =
        diesel::select(diesel::dsl::exists(organisations::table.filter(organisations::kvk_number.eq(kvk))))
            .get_result(conn)?;
    Ok(taken.then(|| error("kvk_number", "error-registry-kvk-taken")))
}

/// A stored application.
pub struct Created {
    pub organisation_id: i32,
    pub user_id: i32,
    /// The email-confirmation token (goes into the mail, never stored).
    pub token: String,
}

/// Stores a checked application: the WISE as `pending`, its first user with role `wise`,
/// the registration and a confirmation link. Call inside the caller's transaction.
pub fn create(
    conn: &mut DbConn,
    application: &Application,
    password_hash: &str,
    now: NaiveDateTime,
    valid_for: Duration,
) -> QueryResult<Created> {
    let organisation_id =
        crate::organisation::store::create_organisation(conn, &application.organisation, "pending", now)?;
    let user_id =
        accounts::create_user(conn, &application.user, Role::Wise, Some(organisation_id), Some(password_hash), now)?;
    diesel::insert_into(registrations::table)
        .values((
            registrations::organisation_id.eq(organisation_id),
            registrations::user_id.eq(user_id),
            registrations::applied_at.eq(now),
        ))
        .execute(conn)?;
    let token = create_confirmation(conn, organisation_id, now, valid_for)?;
    Ok(Created { organisation_id, user_id, token })
}

// ---------------------------------------------------------------------------
// Email confirmation

/// A new confirmation link for a registration; its earlier unused links stop working.
pub fn create_confirmation(
    conn: &mut DbConn,
    organisation_id: i32,
    now: NaiveDateTime,
    valid_for: Duration,
) -> QueryResult<String> {
    let token = secret::generate();
    diesel::update(
        email_confirmations::table
            .filter(email_confirmations::organisation_id.eq(organisation_id))
            .filter(email_confirmations::used_at.is_null()),
    )
    .set(email_confirmations::used_at.eq(now))
    .execute(conn)?;
    diesel::insert_into(email_confirmations::table)
        .values((
            email_confirmations::token_hash.eq(secret::digest(&token)),
            email_confirmations::organisation_id.eq(organisation_id),
            email_confirmations::created_at.eq(now),
            email_confirmations::expires_at.eq(now + valid_for),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The registration behind a confirmation link.
pub struct Confirmation {
    pub organisation_id: i32,
    pub organisation_name: String,
    pub kvk_number: String,
    pub user: User,
}

impl Confirmation {
    /// From the columns its queries select, in their order.
    fn from_row((organisation_id, organisation_name, kvk_number, user): (i32, String, String, User)) -> Self {
        Confirmation { organisation_id, organisation_name, kvk_number, user }
    }
}

/// The registration a link confirms, if the link is unused and unexpired (does not use it up).
pub fn peek_confirmation(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<Option<Confirmation>> {
    let found: Option<(i32, String, String, User)> = email_confirmations::table
        .inner_join(registrations::table.inner_join(organisations::table).inner_join(users::table))
        .filter(email_confirmations::token_hash.eq(secret::digest(token)))
        .filter(email_confirmations::used_at.is_null())
        .filter(email_confirmations::expires_at.gt(now))
        .filter(users::disabled.eq(false))
        .select((organisations::id, organisations::name, organisations::kvk_number, User::as_select()))
        .first(conn)
        .optional()?;
    Ok(found.map(Confirmation::from_row))
}

/// Uses a link up and marks the registration's email address confirmed; `None` when
/// the link is unknown, used or expired. Call inside the transaction that acts on it.
pub fn consume_confirmation(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<Option<Confirmation>> {
    let Some(confirmation) = peek_confirmation(conn, token, now)? else {
        return Ok(None);
    };
    let changed = diesel::update(
        email_confirmations::table
            .filter(email_confirmations::token_hash.eq(secret::digest(token)))
            .filter(email_confirmations::used_at.is_null()),
    )
    .set(email_confirmations::used_at.eq(now))
    .execute(conn)?;
    if changed != 1 {
        return Ok(None);
    }
    diesel::update(
        registrations::table
            .filter(registrations::organisation_id.eq(confirmation.organisation_id))
            .filter(registrations::email_confirmed_at.is_null()),
    )
    .set(registrations::email_confirmed_at.eq(now))
    .execute(conn)?;
    Ok(Some(confirmation))
}

/// The pending registration of the applicant with this email address that still
/// awaits confirmation (for sending the link again).
pub fn awaiting_confirmation(conn: &mut DbConn, email: &str) -> QueryResult<Option<Confirmation>> {
    let found: Option<(i32, String, String, User)> = registrations::table
        .inner_join(organisations::table)
        .inner_join(users::table)
        .filter(users::email.eq(accounts::normalise_email(email)))
        .filter(users::disabled.eq(false))
        .filter(registrations::email_confirmed_at.is_null())
        .filter(organisations::status.eq("pending"))
        .order(registrations::applied_at.desc())
        .select((organisations::id, organisations::name, organisations::kvk_number, User::as_select()))
        .first(conn)
        .optional()?;
    Ok(found.map(Confirmation::from_row))
}

// ---------------------------------------------------------------------------
// The operator's queue

/// The status filter of the queue: `all`, then each status.
pub fn filters() -> impl Iterator<Item = &'static str> {
    std::iter::once("all").chain(Status::ALL.into_iter().map(Status::as_str))
}

/// How many WISEs have each status.
pub fn status_counts(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    organisations::table
        .group_by(organisations::status)
        .select((organisations::status, diesel::dsl::count_star()))
        .load(conn)
}

/// One WISE in the queue.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueueRow {
    pub id: i32,
    pub name: String,
    pub kvk_number: String,
    pub municipality: String,
    pub status: String,
    pub status_reason: Option<String>,
    pub created_at: NaiveDateTime,
    /// Whether it applied through the registration form.
    pub registered: bool,
    pub email_confirmed: bool,
    pub applicant_email: Option<String>,
}

/// A page of WISEs with `status` (every status for `"all"`), and how many there are in
/// all: pending applications first, oldest first, then suspended, approved and archived
/// WISEs, each by name.
pub fn queue(conn: &mut DbConn, status: &str, page: u32, per_page: u32) -> QueryResult<(Vec<QueueRow>, i64)> {
    use diesel::sql_types::{Integer, Nullable, Timestamp};
    let filtered = || {
        let mut q = organisations::table.into_boxed();
        if status != "all" {
            q = q.filter(organisations::status.eq(status.to_string()));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rank = diesel::dsl::sql::<Integer>(
        "CASE organisations.status WHEN 'pending' THEN 0 WHEN 'suspended' THEN 1 WHEN 'approved' THEN 2 ELSE 3 END",
    );
    // Only pending WISEs have a value here, so NULL ordering never mixes with dates.
    let waiting_since = diesel::dsl::sql::<Nullable<Timestamp>>(
        "CASE WHEN organisations.status = 'pending' THEN organisations.created_at END",
    );
    let q = filtered().order((rank.asc(), waiting_since.asc(), organisations::name.asc(), organisations::id.asc()));
    let rows: Vec<Organisation> = q
        .limit(i64::from(per_page))
        .offset(i64::from(page.saturating_sub(1)) * i64::from(per_page))
        .select(Organisation::as_select())
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    let applications: Vec<(i32, Option<NaiveDateTime>, String)> = registrations::table
        .inner_join(users::table)
        .filter(registrations::organisation_id.eq_any(&ids))
        .select((registrations::organisation_id, registrations::email_confirmed_at, users::email))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|o| {
            let application = applications.iter().find(|(id, _, _)| *id == o.id);
            QueueRow {
                registered: application.is_some(),
                email_confirmed: application.is_some_and(|(_, at, _)| at.is_some()),
                applicant_email: application.map(|(_, _, email)| email.clone()),
                id: o.id,
                name: o.name,
                kvk_number: o.kvk_number,
                municipality: o.municipality,
                status: o.status,
                status_reason: o.status_reason,
                created_at: o.created_at,
            }
        })
        .collect();
    Ok((rows, total))
}

/// Who applied for a WISE and whether they confirmed their email address.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Registration {
    pub applied_at: NaiveDateTime,
    pub email_confirmed_at: Option<NaiveDateTime>,
    pub applicant_name: String,
    pub applicant_email: String,
}

/// A user of a WISE, as the operator sees them.
#[derive(Debug, Clone, Serialize, PartialEq, Queryable)]
pub struct Member {
    pub name: String,
    pub email: String,
    pub disabled: bool,
}

/// Everything the operator reviews about a WISE, whatever its status.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub organisation: Organisation,
    pub sectors: Vec<String>,
    pub target_groups: Vec<String>,
    pub registration: Option<Registration>,
    pub members: Vec<Member>,
}

pub fn organisation(conn: &mut DbConn, id: i32) -> QueryResult<Option<Organisation>> {
    organisations::table.find(id).select(Organisation::as_select()).first(conn).optional()
}

pub fn review(conn: &mut DbConn, id: i32) -> QueryResult<Option<Review>> {
    let Some(organisation) = organisation(conn, id)? else {
        return Ok(None);
    };
    let sectors = organisation_sectors::table
        .filter(organisation_sectors::organisation_id.eq(id))
        .order(organisation_sectors::position)
        .select(organisation_sectors::sector)
        .load(conn)?;
    let target_groups = organisation_target_groups::table
        .filter(organisation_target_groups::organisation_id.eq(id))
        .order(organisation_target_groups::target_group)
        .select(organisation_target_groups::target_group)
        .load(conn)?;
    let registration = registrations::table
        .inner_join(users::table)
        .filter(registrations::organisation_id.eq(id))
        .select((registrations::applied_at, registrations::email_confirmed_at, users::name, users::email))
        .first::<(NaiveDateTime, Option<NaiveDateTime>, String, String)>(conn)
        .optional()?
        .map(|(applied_at, email_confirmed_at, applicant_name, applicant_email)| Registration {
            applied_at,
            email_confirmed_at,
            applicant_name,
            applicant_email,
        });
    let members = user_organisations::table
        .inner_join(users::table)
        .filter(user_organisations::organisation_id.eq(id))
        .order(users::email)
        .select((users::name, users::email, users::disabled))
        .load(conn)?;
    Ok(Some(Review { organisation, sectors, target_groups, registration, members }))
}

/// Whether the WISE applied through the form and its applicant has not confirmed their
/// email address yet (such a WISE cannot be approved).
pub fn awaits_confirmation(conn: &mut DbConn, id: i32) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        registrations::table
            .filter(registrations::organisation_id.eq(id))
            .filter(registrations::email_confirmed_at.is_null()),
    ))
    .get_result(conn)
}

/// Someone a mail about a WISE goes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub language: String,
}

/// The WISE's active users and the WISE's own address (once each); the WISE's address
/// gets the language of its applicant, else `default_language`.
pub fn recipients(
    conn: &mut DbConn,
    organisation: &Organisation,
    default_language: &str,
) -> QueryResult<Vec<Recipient>> {
    let mut list: Vec<Recipient> = user_organisations::table
        .inner_join(users::table)
        .filter(user_organisations::organisation_id.eq(organisation.id))
        .filter(users::disabled.eq(false))
        .order(users::id)
        .select((users::email, users::name, users::language))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(email, name, language)| Recipient { email, name, language })
        .collect();
    if let Some(email) = organisation.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        let normalised = accounts::normalise_email(email);
        if !list.iter().any(|r| r.email == normalised) {
            let applicant: Option<String> = registrations::table
                .inner_join(users::table)
                .filter(registrations::organisation_id.eq(organisation.id))
                .select(users::language)
                .first(conn)
                .optional()?;
            list.push(Recipient {
                email: normalised,
                name: organisation.name.clone(),
                language: applicant.unwrap_or_else(|| default_language.to_string()),
            });
        }
    }
    Ok(list)
}

/// The active operators (they hear of every confirmed application).
pub fn operators(conn: &mut DbConn) -> QueryResult<Vec<Recipient>> {
    Ok(users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::disabled.eq(false))
        .order(users::id)
        .select((users::email, users::name, users::language))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(email, name, language)| Recipient { email, name, language })
        .collect())
}
