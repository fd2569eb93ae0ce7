//! The command line: `users add` and `tokens create`.

use super::*;

/// `wise-monitor users add`: checks the user and the password, then creates the user
/// (and an audit entry) in one transaction. Errors name the field that is wrong.
pub fn add_user_command(
    conn: &mut crate::db::DbConn,
    input: &store::NewUser,
    password: &str,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<i32> {
    let (role, organisation) = store::validate_new_user(conn, input)?.map_err(describe_errors)?;
    check_new_password(password, password, &input.email, &input.name).map_err(describe_errors)?;
    let hash = password::hash_blocking(password);
    let id = write_tx(conn, |c| {
        let id = store::create_user(c, input, role, organisation, Some(&hash), now)?;
        let email = store::normalise_email(&input.email);
        let entry = audit::Entry {
            actor: Actor::System,
            ip: None,
            action: "user_created",
            target: &email,
            detail: role.as_str(),
        };
        audit::record(c, now, entry)?;
        Ok::<_, diesel::result::Error>(id)
    })?;
    Ok(id)
}

/// `wise-monitor tokens create`: a new API token for an active user.
pub fn create_token_command(
    conn: &mut crate::db::DbConn,
    email: &str,
    name: &str,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<String> {
    let user = store::find_by_email(conn, email)?.ok_or_else(|| {
        anyhow::anyhow!("--email: there is no user with the address {:?}", store::normalise_email(email))
    })?;
    if user.disabled {
        anyhow::bail!("--email: the user {} is disabled", user.email);
    }
    create_token_audited(conn, user.id, &user.email, name, None, now).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Field errors as one line for the command line, in English.
pub(super) fn describe_errors(errors: Vec<FieldError>) -> anyhow::Error {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| format!("--{}: {}", e.field.replace('_', "-"), crate::i18n::text(Lang::En, e.key)))
        .collect();
    anyhow::anyhow!("{}", parts.join("; "))
}
