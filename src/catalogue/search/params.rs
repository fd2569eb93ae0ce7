//! What a search asks for: the parameters as they arrive (page or API), their check, and
//! the words of a search text.

use super::*;

/// Longest search text accepted.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words of a search text are used.
pub const MAX_WORDS: usize = 8;
pub const MAX_PER_PAGE: u32 = 100;
pub use vocab::{CERTIFICATION_FILTERS as CERTIFICATIONS, SORTS};

/// A search as it arrives in the URL (page or API): every parameter as text, so a bad
/// value becomes a field error rather than a parse failure.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find in names, descriptions and offerings (prefix match, at most 200 characters).
    pub q: Option<String>,
    /// A sector code (SPEC §5).
    pub sector: Option<String>,
    /// A CPV code prefix of 2 to 8 digits, or a full code (`45200000-7`).
    pub cpv: Option<String>,
    /// `good`, `service` or `works`.
    pub kind: Option<String>,
    /// A municipality the WISE serves (case and accents ignored).
    pub municipality: Option<String>,
    /// A target-group code (SPEC §5).
    pub target_group: Option<String>,
    /// `pso` (valid PSO certificate), `cso` (registered) or `sena` (member).
    pub certification: Option<String>,
    /// `true`: only WISEs eligible for reserved contracts (Aanbestedingswet art. 2.82),
    /// judged on their latest accepted figures; `false` or empty: no filter.
    pub reserved: Option<String>,
    /// `relevance` (default with words), `name` (default without) or `updated`.
    pub sort: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Results per page, 1 to 100.
    pub per_page: Option<String>,
}

/// A checked search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Search {
    /// The words searched for: lower case, diacritics folded, nothing but letters and digits.
    pub words: Vec<String>,
    pub sector: Option<String>,
    /// A CPV code prefix (division, group, class, …).
    pub cpv: Option<String>,
    pub kind: Option<String>,
    pub municipality: Option<String>,
    pub target_group: Option<String>,
    pub certification: Option<String>,
    /// Only WISEs eligible for reserved contracts.
    pub reserved: bool,
    pub sort: String,
    pub page: u32,
    pub per_page: u32,
}

pub(super) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub use crate::validation::fold;

/// The words of a search text: runs of letters and digits, folded. Everything else,
/// including FTS syntax (`"`, `*`, `:`, `NEAR`, parentheses), only separates words.
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word: String = word.chars().take(40).collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.truncate(MAX_WORDS);
    words
}

impl SearchParams {
    /// Checks every parameter; errors name the parameter.
    pub fn check(&self, default_per_page: u32) -> Result<Search, Vec<FieldError>> {
        let mut e = Errors::default();
        let q = given(&self.q).unwrap_or("");
        e.check(q.chars().count() <= MAX_QUERY_CHARS, "q", "error-search-too-long");
        let sector = given(&self.sector).map(str::to_string);
        if let Some(s) = &sector {
            e.check(vocab::is_sector(s), "sector", "error-unknown-sector");
        }
        let kind = given(&self.kind).map(str::to_string);
        if let Some(k) = &kind {
            e.check(vocab::OFFERING_KINDS.contains(&k.as_str()), "kind", "error-unknown-code");
        }
        let target_group = given(&self.target_group).map(str::to_string);
        if let Some(t) = &target_group {
            e.check(vocab::is_target_group(t), "target_group", "error-unknown-target-group");
        }
        let certification = given(&self.certification).map(str::to_string);
        if let Some(c) = &certification {
            e.check(CERTIFICATIONS.contains(&c.as_str()), "certification", "error-unknown-code");
        }
        let reserved = match given(&self.reserved) {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => {
                e.add("reserved", "error-unknown-code");
                false
            }
        };
        let cpv = match given(&self.cpv) {
            None => None,
            Some(raw) => match cpv_prefix(raw) {
                Some(prefix) => Some(prefix),
                None => {
                    e.add("cpv", "error-cpv-prefix");
                    None
                }
            },
        };
        let municipality = given(&self.municipality).map(str::to_string);
        if let Some(m) = &municipality {
            e.check(m.chars().count() <= 200, "municipality", "error-too-long");
        }
        let words = words(q);
        let sort = match given(&self.sort) {
            Some(s) if SORTS.contains(&s) => s.to_string(),
            Some(_) => {
                e.add("sort", "error-unknown-code");
                String::new()
            }
            None if words.is_empty() => "name".to_string(),
            None => "relevance".to_string(),
        };
        let page = match given(&self.page).map(str::parse::<u32>) {
            None => 1,
            Some(Ok(p)) if p >= 1 => p,
            Some(_) => {
                e.add("page", "error-page");
                1
            }
        };
        let per_page = match given(&self.per_page).map(str::parse::<u32>) {
            None => default_per_page,
            Some(Ok(n)) if (1..=MAX_PER_PAGE).contains(&n) => n,
            Some(_) => {
                e.add("per_page", "error-per-page");
                default_per_page
            }
        };
        e.into_result()?;
        Ok(Search {
            words,
            sector,
            cpv,
            kind,
            municipality,
            target_group,
            certification,
            reserved,
            sort,
            page,
            per_page,
        })
    }
}

/// A CPV prefix from what a user typed: digits (a full code `45200000` or
/// `45200000-7` means its own level, `452`); at least the 2 digits of a division.
pub fn cpv_prefix(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some(code) = cpv::normalise(raw) {
        return Some(cpv::prefix(&code).to_string());
    }
    (raw.len() >= 2 && raw.len() <= 8 && raw.bytes().all(|b| b.is_ascii_digit())).then(|| raw.to_string())
}
