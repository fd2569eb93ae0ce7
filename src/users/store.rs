//! Account queries: users, sessions, API tokens and single-use links.
//! Secrets are generated here and only their digests are stored.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::model::{ApiToken, CurrentUser, Role, User};
use crate::db::schema::{
    api_tokens, buying_organisation_users, buying_organisations, one_time_links, organisations, sessions,
    user_organisations, users,
};
use crate::db::{write_tx, DbConn};
use crate::secret;
use crate::validation::{char_len, is_email, Errors, FieldError};

diesel::define_sql_function!(fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Emails are compared case-insensitively: stored trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A new user, as the operator or the command line enters them.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: String,
    pub language: String,
    /// KvK number of the WISE a `wise` user works for.
    pub organisation_kvk: Option<String>,
}

/// A checked new user: the role, and the WISE a `wise` user works for.
pub type ValidUser = (Role, Option<i32>);

/// Checks a new user.
pub fn validate_new_user(conn: &mut DbConn, input: &NewUser) -> QueryResult<Result<ValidUser, Vec<FieldError>>> {
    let mut e = Errors::default();
    let email = normalise_email(&input.email);
    e.check(is_email(&email), "email", "error-email");
    let name = input.name.trim();
    e.check(!name.is_empty(), "name", "error-required");
    e.check(char_len(name) <= 200, "name", "error-too-long");
    e.check(matches!(input.language.as_str(), "nl" | "en"), "language", "error-unknown-language");
    let role = Role::parse(&input.role);
    if role.is_none() {
        e.add("role", "error-unknown-role");
    }
    let kvk = input.organisation_kvk.as_deref().map(str::trim).filter(|k| !k.is_empty());
    let mut organisation = None;
    match (role, kvk) {
        (Some(Role::Wise), None) => e.add("organisation", "error-organisation-required"),
        (Some(Role::Buyer), Some(kvk)) => {
            // A buyer joins a buying organisation, approved by whoever adds them.
            organisation = buying_organisations::table
                .filter(buying_organisations::kvk_number.eq(kvk))
                .select(buying_organisations::id)
                .first::<i32>(conn)
                .optional()?;
            if organisation.is_none() {
                e.add("organisation", "error-unknown-organisation");
            }
        }
        (_, Some(kvk)) => {
            organisation = organisations::table
                .filter(organisations::kvk_number.eq(kvk))
                .select(organisations::id)
                .first::<i32>(conn)
                .optional()?;
            if organisation.is_none() {
                e.add("organisation", "error-unknown-organisation");
            }
        }
        _ => {}
    }
    if is_email(&email) && find_by_email(conn, &email)?.is_some() {
        e.add("email", "error-email-taken");
    }
    Ok(e.into_result().map(|()| (role.expect("checked"), organisation)))
}

/// Creates a validated user, with a password hash or none (invited users set one).
pub fn create_user(
    conn: &mut DbConn,
    input: &NewUser,
    role: Role,
    organisation: Option<i32>,
    password_hash: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    write_tx(conn, |conn| {
        let email = normalise_email(&input.email);
        diesel::insert_into(users::table)
            .values((
                users::email.eq(&email),
                users::name.eq(input.name.trim()),
                users::role.eq(role.as_str()),
                users::language.eq(&input.language),
                users::password_hash.eq(password_hash),
                users::disabled.eq(false),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(conn)?;
        let id = users::table.filter(users::email.eq(&email)).select(users::id).first(conn)?;
        if let (Role::Buyer, Some(organisation)) = (role, organisation) {
            diesel::insert_into(buying_organisation_users::table)
                .values((
                    buying_organisation_users::user_id.eq(id),
                    buying_organisation_users::buying_organisation_id.eq(organisation),
                    buying_organisation_users::email_confirmed_at.eq(now),
                    buying_organisation_users::approved_at.eq(now),
                    buying_organisation_users::created_at.eq(now),
                ))
                .execute(conn)?;
        } else if let Some(organisation) = organisation {
            diesel::insert_into(user_organisations::table)
                .values((user_organisations::user_id.eq(id), user_organisations::organisation_id.eq(organisation)))
                .execute(conn)?;
        }
        Ok(id)
    })
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table.filter(users::email.eq(normalise_email(email))).select(User::as_select()).first(conn).optional()
}

pub fn find(conn: &mut DbConn, id: i32) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

/// The enabled operators, as (email, language): whom a mail to "the operator" goes to.
pub fn operators(conn: &mut DbConn) -> QueryResult<Vec<(String, String)>> {
    users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::disabled.eq(false))
        .order(users::id)
        .select((users::email, users::language))
        .load(conn)
}

/// The enabled users of the WISE `organisation`, as (email, language), by email.
pub fn wise_staff(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<(String, String)>> {
    user_organisations::table
        .inner_join(users::table)
        .filter(user_organisations::organisation_id.eq(organisation))
        .filter(users::disabled.eq(false))
        .order(users::email)
        .select((users::email, users::language))
        .load(conn)
}

pub fn organisations_of(conn: &mut DbConn, user: i32) -> QueryResult<Vec<i32>> {
    user_organisations::table
        .filter(user_organisations::user_id.eq(user))
        .order(user_organisations::organisation_id)
        .select(user_organisations::organisation_id)
        .load(conn)
}

/// The user as handlers see them, with the WISEs they work for.
pub fn current_user(conn: &mut DbConn, user: User) -> QueryResult<CurrentUser> {
    let organisations = organisations_of(conn, user.id)?;
    Ok(CurrentUser {
        id: user.id,
        role: Role::parse(&user.role).unwrap_or(Role::Buyer),
        email: user.email,
        name: user.name,
        language: user.language,
        organisations,
    })
}

pub fn set_password(conn: &mut DbConn, user_id: i32, hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::password_hash.eq(hash), users::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

pub fn update_profile(
    conn: &mut DbConn,
    user_id: i32,
    name: &str,
    language: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::name.eq(name.trim()), users::language.eq(language), users::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

pub fn set_role(conn: &mut DbConn, user_id: i32, role: Role, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::role.eq(role.as_str()), users::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// Disables or enables a user; disabling ends every session they have.
pub fn set_disabled(conn: &mut DbConn, user_id: i32, disabled: bool, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::disabled.eq(disabled), users::updated_at.eq(now)))
        .execute(conn)?;
    if disabled {
        end_sessions(conn, user_id, None)?;
    }
    Ok(())
}

/// One user in the operator's list.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct UserSummary {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: String,
    pub disabled: bool,
    pub has_password: bool,
}

/// Users whose email or name contains `query` (all users for an empty query), by email.
pub fn search(conn: &mut DbConn, query: &str, limit: i64) -> QueryResult<Vec<UserSummary>> {
    let mut q = users::table.into_boxed();
    let needle = query.trim().to_lowercase();
    if !needle.is_empty() {
        let pattern = format!("%{}%", needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        q = q.filter(users::email.like(pattern.clone()).escape('\\').or(lower(users::name).like(pattern).escape('\\')));
    }
    let rows: Vec<(i32, String, String, String, bool, Option<String>)> = q
        .order(users::email)
        .limit(limit)
        .select((users::id, users::email, users::name, users::role, users::disabled, users::password_hash))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, email, name, role, disabled, hash)| UserSummary {
            id,
            email,
            name,
            role,
            disabled,
            has_password: hash.is_some(),
        })
        .collect())
}

// ---------------------------------------------------------------------------
// Sessions

/// A new session: returns the cookie value and the session's CSRF token.
pub fn create_session(
    conn: &mut DbConn,
    user_id: i32,
    now: NaiveDateTime,
    lifetime: Duration,
) -> QueryResult<(String, String)> {
    let id = secret::generate();
    let csrf = secret::generate();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(secret::digest(&id)),
            sessions::user_id.eq(user_id),
            sessions::csrf_token.eq(&csrf),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + lifetime),
        ))
        .execute(conn)?;
    Ok((id, csrf))
}

/// A live session found by its cookie value.
pub struct LiveSession {
    pub id_hash: String,
    pub csrf_token: String,
    pub user: CurrentUser,
}

/// The session behind a cookie, if it is still valid: not past its absolute
/// lifetime, not idle for longer than `idle`, and its user not disabled. An
/// invalid session is deleted. The idle clock is reset (at most once a minute).
pub fn load_session(
    conn: &mut DbConn,
    cookie: &str,
    now: NaiveDateTime,
    idle: Duration,
) -> QueryResult<Option<LiveSession>> {
    let id_hash = secret::digest(cookie);
    let found: Option<(String, NaiveDateTime, NaiveDateTime, User)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::id_hash.eq(&id_hash))
        .select((sessions::csrf_token, sessions::last_seen_at, sessions::expires_at, User::as_select()))
        .first(conn)
        .optional()?;
    let Some((csrf_token, last_seen, expires, user)) = found else {
        return Ok(None);
    };
    if now >= expires || now - last_seen > idle || user.disabled {
        diesel::delete(sessions::table.find(&id_hash)).execute(conn)?;
        return Ok(None);
    }
    if now - last_seen > Duration::minutes(1) {
        diesel::update(sessions::table.find(&id_hash)).set(sessions::last_seen_at.eq(now)).execute(conn)?;
    }
    let user = current_user(conn, user)?;
    Ok(Some(LiveSession { id_hash, csrf_token, user }))
}

pub fn delete_session(conn: &mut DbConn, id_hash: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)?;
    Ok(())
}

/// Ends a user's sessions, except the one given (the session making the change).
pub fn end_sessions(conn: &mut DbConn, user_id: i32, except: Option<&str>) -> QueryResult<usize> {
    let mine = sessions::table.filter(sessions::user_id.eq(user_id));
    match except {
        Some(keep) => diesel::delete(mine.filter(sessions::id_hash.ne(keep))).execute(conn),
        None => diesel::delete(mine).execute(conn),
    }
}

// ---------------------------------------------------------------------------
// API tokens

/// Creates a token and returns it (shown once) with its id.
pub fn create_token(conn: &mut DbConn, user_id: i32, name: &str, now: NaiveDateTime) -> QueryResult<(String, i32)> {
    let token = format!("wm_{}", secret::generate());
    let digest = secret::digest(&token);
    write_tx(conn, |conn| {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::user_id.eq(user_id),
                api_tokens::name.eq(name.trim()),
                api_tokens::prefix.eq(&token[..10]),
                api_tokens::token_hash.eq(&digest),
                api_tokens::created_at.eq(now),
            ))
            .execute(conn)?;
        let id = api_tokens::table.filter(api_tokens::token_hash.eq(&digest)).select(api_tokens::id).first(conn)?;
        Ok((token, id))
    })
}

/// The user a bearer token acts for: the token exists, is not revoked, and its user is not disabled.
pub fn user_for_token(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<Option<CurrentUser>> {
    let found: Option<(i32, Option<NaiveDateTime>, User)> = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(secret::digest(token)))
        .filter(api_tokens::revoked_at.is_null())
        .filter(users::disabled.eq(false))
        .select((api_tokens::id, api_tokens::last_used_at, User::as_select()))
        .first(conn)
        .optional()?;
    let Some((id, last_used, user)) = found else {
        return Ok(None);
    };
    if last_used.is_none_or(|t| now - t > Duration::minutes(1)) {
        diesel::update(api_tokens::table.find(id)).set(api_tokens::last_used_at.eq(now)).execute(conn)?;
    }
    current_user(conn, user).map(Some)
}

pub fn tokens_of(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<ApiToken>> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .order(api_tokens::id.desc())
        .select(ApiToken::as_select())
        .load(conn)
}

/// Revokes one of the user's own tokens; false when there is no such live token.
pub fn revoke_token(conn: &mut DbConn, user_id: i32, token_id: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(token_id))
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Revokes every live token of a user (after a password reset: a token made by
/// whoever had the account before must not outlive it).
pub fn revoke_all_tokens(conn: &mut DbConn, user_id: i32, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(api_tokens::table.filter(api_tokens::user_id.eq(user_id)).filter(api_tokens::revoked_at.is_null()))
        .set(api_tokens::revoked_at.eq(now))
        .execute(conn)
}

// ---------------------------------------------------------------------------
// Single-use links

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Reset,
    Invite,
    /// A buyer who registered themselves confirms their email address.
    BuyerConfirm,
}

impl LinkPurpose {
    fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Reset => "reset",
            LinkPurpose::Invite => "invite",
            LinkPurpose::BuyerConfirm => "buyer-confirm",
        }
    }
}

/// Creates a link token valid for `valid_for`; earlier unused links of the same
/// purpose for the user stop working.
pub fn create_link(
    conn: &mut DbConn,
    purpose: LinkPurpose,
    user_id: i32,
    now: NaiveDateTime,
    valid_for: Duration,
) -> QueryResult<String> {
    let token = secret::generate();
    diesel::update(
        one_time_links::table
            .filter(one_time_links::user_id.eq(user_id))
            .filter(one_time_links::purpose.eq(purpose.as_str()))
            .filter(one_time_links::used_at.is_null()),
    )
    .set(one_time_links::used_at.eq(now))
    .execute(conn)?;
    diesel::insert_into(one_time_links::table)
        .values((
            one_time_links::token_hash.eq(secret::digest(&token)),
            one_time_links::purpose.eq(purpose.as_str()),
            one_time_links::user_id.eq(user_id),
            one_time_links::created_at.eq(now),
            one_time_links::expires_at.eq(now + valid_for),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The user a link belongs to, if it is unused and unexpired (does not use it up).
pub fn peek_link(
    conn: &mut DbConn,
    purpose: LinkPurpose,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<User>> {
    one_time_links::table
        .inner_join(users::table)
        .filter(one_time_links::token_hash.eq(secret::digest(token)))
        .filter(one_time_links::purpose.eq(purpose.as_str()))
        .filter(one_time_links::used_at.is_null())
        .filter(one_time_links::expires_at.gt(now))
        .filter(users::disabled.eq(false))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Uses a link up; returns its user, or `None` when it is unknown, used or expired.
/// Call inside the transaction that acts on it, so a link works exactly once.
pub fn consume_link(
    conn: &mut DbConn,
    purpose: LinkPurpose,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<User>> {
    let Some(user) = peek_link(conn, purpose, token, now)? else {
        return Ok(None);
    };
    let changed = diesel::update(
        one_time_links::table
            .filter(one_time_links::token_hash.eq(secret::digest(token)))
            .filter(one_time_links::used_at.is_null()),
    )
    .set(one_time_links::used_at.eq(now))
    .execute(conn)?;
    Ok((changed == 1).then_some(user))
}
