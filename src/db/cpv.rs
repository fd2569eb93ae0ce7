//! Queries over the CPV vocabulary's table (`cpv_codes`): does a code exist, one code,
//! the picker's search in English and Dutch, and loading labels in a language. The
//! vocabulary itself is `vocab::cpv`.

use diesel::prelude::*;

use crate::db::schema::cpv_codes;
use crate::db::{write_tx, DbConn};
use crate::i18n::Lang;
use crate::vocab::cpv::{dutch_branches, dutch_labels, terms, CpvCode, Term};

/// The columns of a [`CpvCode`], in its order.
type Columns = (cpv_codes::code, cpv_codes::division, cpv_codes::level, cpv_codes::label_en, cpv_codes::label_nl);
const COLUMNS: Columns =
    (cpv_codes::code, cpv_codes::division, cpv_codes::level, cpv_codes::label_en, cpv_codes::label_nl);

/// Whether the code exists in the vocabulary.
pub fn exists(conn: &mut DbConn, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(cpv_codes::table.find(code))).get_result(conn)
}

/// One code, when it exists.
pub fn by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<CpvCode>> {
    cpv_codes::table.find(code).select(COLUMNS).first(conn).optional()
}

diesel::define_sql_function!(fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text);
diesel::define_sql_function!(fn coalesce(text: diesel::sql_types::Nullable<diesel::sql_types::Text>, otherwise: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// A condition on a row of `cpv_codes`, as the picker's query builds it.
type Condition = Box<
    dyn BoxableExpression<cpv_codes::table, <DbConn as diesel::Connection>::Backend, SqlType = diesel::sql_types::Bool>,
>;

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The CPV picker's lookup: codes whose code starts with every digit term and, for every
/// word, whose English or Dutch label contains it (case ignored) or which lie in a
/// branch the shipped Dutch search words give for it (`schoonmaak` → cleaning); the
/// most general codes first, then by code. An empty query finds nothing.
pub fn find(conn: &mut DbConn, query: &str, limit: i64) -> QueryResult<Vec<CpvCode>> {
    let terms = terms(query);
    if terms.is_empty() || limit <= 0 {
        return Ok(Vec::new());
    }
    let mut q = cpv_codes::table.select(COLUMNS).into_boxed();
    for term in &terms {
        match term {
            Term::Prefix(digits) => q = q.filter(cpv_codes::code.like(format!("{digits}%"))),
            Term::Word(word) => {
                let pattern = format!("%{}%", like_escape(word));
                let mut matches: Condition = Box::new(
                    lower(cpv_codes::label_en).like(pattern.clone()).escape('\\').or(lower(coalesce(
                        cpv_codes::label_nl,
                        "",
                    ))
                    .like(pattern)
                    .escape('\\')),
                );
                for branch in dutch_branches(word) {
                    matches = Box::new(matches.or(cpv_codes::code.like(format!("{branch}%"))));
                }
                q = q.filter(matches);
            }
        }
    }
    q.order((cpv_codes::level.asc(), cpv_codes::code.asc())).limit(limit).load(conn)
}

/// Loads the CPV vocabulary (`vocab::cpv`) into an empty `cpv_codes` table, in one
/// transaction; a table loaded before the Dutch labels shipped gets them.
pub fn seed(conn: &mut DbConn) -> diesel::QueryResult<usize> {
    let present: i64 = cpv_codes::table.count().get_result(conn)?;
    if present > 0 {
        fill_shipped_dutch(conn)?;
        return Ok(0);
    }
    let codes = crate::vocab::cpv::vocabulary();
    write_tx(conn, |conn| {
        for chunk in codes.chunks(2000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|c| {
                    (
                        cpv_codes::code.eq(&c.code),
                        cpv_codes::division.eq(&c.division),
                        cpv_codes::level.eq(c.level),
                        cpv_codes::label_en.eq(&c.label_en),
                        cpv_codes::label_nl.eq(c.label_nl.as_deref()),
                    )
                })
                .collect();
            crate::per_backend!(conn, c => diesel::insert_into(cpv_codes::table).values(&rows).execute(c))?;
        }
        Ok(codes.len())
    })
}

/// Gives the shipped Dutch labels to a table that has none below its divisions (one
/// loaded before they shipped); labels already there are kept.
fn fill_shipped_dutch(conn: &mut DbConn) -> QueryResult<()> {
    let labelled = cpv_codes::table.filter(cpv_codes::level.gt(2)).filter(cpv_codes::label_nl.is_not_null());
    if diesel::select(diesel::dsl::exists(labelled)).get_result(conn)? {
        return Ok(());
    }
    write_tx(conn, |conn| {
        for (code, label) in dutch_labels() {
            diesel::update(cpv_codes::table.find(&code).filter(cpv_codes::label_nl.is_null()))
                .set(cpv_codes::label_nl.eq(&label))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Every code of the table.
pub fn codes(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    cpv_codes::table.select(cpv_codes::code).load(conn)
}

/// Sets the labels of these codes in `lang`, in one transaction; the number changed.
pub fn set_labels(conn: &mut DbConn, lang: Lang, labels: &[(String, String)]) -> QueryResult<usize> {
    write_tx(conn, |conn| {
        let mut changed = 0;
        for (code, label) in labels {
            let row = cpv_codes::table.find(code);
            changed += match lang {
                Lang::Nl => diesel::update(row).set(cpv_codes::label_nl.eq(label)).execute(conn)?,
                Lang::En => diesel::update(row).set(cpv_codes::label_en.eq(label)).execute(conn)?,
            };
        }
        Ok(changed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_escape("50%_a\\"), "50\\%\\_a\\\\");
    }
}
