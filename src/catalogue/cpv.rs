//! Queries over the CPV vocabulary's table (`cpv_codes`): does a code exist, one code,
//! and the picker's search. The vocabulary itself is `vocab::cpv`.

use diesel::prelude::*;

use crate::db::schema::cpv_codes;
use crate::db::DbConn;
use crate::vocab::cpv::{terms, CpvCode, Term, DIVISIONS_NL};

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

/// The CPV picker's lookup: codes whose code starts with every digit term and whose
/// English label (or the Dutch label of their division) contains every word, case
/// ignored; the most general codes first, then by code. An empty query finds nothing.
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
                let dutch: Vec<&str> = DIVISIONS_NL
                    .iter()
                    .filter(|(_, label)| label.to_lowercase().contains(word.as_str()))
                    .map(|(division, _)| *division)
                    .collect();
                q = q.filter(
                    lower(cpv_codes::label_en).like(pattern).escape('\\').or(cpv_codes::division.eq_any(dutch)),
                );
            }
        }
    }
    q.order((cpv_codes::level.asc(), cpv_codes::code.asc())).limit(limit).load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_escape("50%_a\\"), "50\\%\\_a\\\\");
    }
}
