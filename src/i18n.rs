//! Dutch (default) and English, through Fluent files under `templates/locales/`.

use std::borrow::Cow;
use std::collections::HashMap;

use actix_web::HttpRequest;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};
use serde::Serialize;

static_loader! {
    pub static LOCALES = {
        locales: "./templates/locales",
        fallback_language: "nl",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that remembers a visitor's language.
pub const LANG_COOKIE: &str = "lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Nl => fluent_templates::langid!("nl"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }

    /// The language of a request: its cookie, else the best `Accept-Language` match, else `default`.
    pub fn of_request(req: &HttpRequest, default: Lang) -> Lang {
        if let Some(lang) = req.cookie(LANG_COOKIE).and_then(|c| Lang::parse(c.value())) {
            return lang;
        }
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(from_accept_language)
            .unwrap_or(default)
    }
}

/// The supported language with the highest quality in an `Accept-Language` header.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let quality =
            pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.trim().parse::<f32>().ok()).unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = Lang::parse(primary) {
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
    }
    best.map(|(_, lang)| lang)
}

/// The text of a key, or `None` when no language has it.
pub fn lookup(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> Option<String> {
    if args.is_empty() {
        return LOCALES.try_lookup(&lang.id(), key);
    }
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), v.clone())).collect();
    LOCALES.try_lookup_with_args(&lang.id(), key, &map)
}

/// The text of a key without arguments; a missing key shows as the key itself
/// (tests check that no key is missing).
pub fn text(lang: Lang, key: &str) -> String {
    lookup(lang, key, &[]).unwrap_or_else(|| key.to_string())
}

/// A count as people read it: `1.234` (Dutch) or `1,234` (English).
pub fn format_count(n: i64, lang: Lang) -> String {
    let separator = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 {
        format!("\u{2212}{out}")
    } else {
        out
    }
}

/// Whole euros in the reader's format: `€ 1.234` (rounded to the euro).
pub fn euros(cents: i64, lang: Lang) -> String {
    let euros = (cents as f64 / 100.0).round() as i64;
    format!("€\u{a0}{}", format_count(euros, lang))
}

/// A share in per mille as a percentage with one decimal: `83,3 %` / `83.3%`.
pub fn percent(permille: Option<i64>, lang: Lang) -> String {
    let Some(p) = permille else {
        return "–".to_string();
    };
    let (whole, tenth) = (p / 10, (p % 10).abs());
    match lang {
        Lang::Nl => format!("{whole},{tenth}\u{a0}%"),
        Lang::En => format!("{whole}.{tenth}%"),
    }
}

/// A decimal number written with a point (`12.5`) as the reader writes it: `12,5` in
/// Dutch. Anything but a plain decimal number stays as it is.
pub fn localise_decimal(cell: &str, lang: Lang) -> String {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain = match digits.split_once('.') {
        Some((whole, fraction)) => {
            !whole.is_empty()
                && !fraction.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    };
    match lang {
        Lang::Nl if plain => cell.replacen('.', ",", 1),
        _ => cell.to_string(),
    }
}

/// A change with its sign: `+12`, `−3`, `0`.
pub fn format_change(n: i64, lang: Lang) -> String {
    if n > 0 {
        format!("+{}", format_count(n, lang))
    } else {
        format_count(n, lang)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_in_each_language() {
        assert_eq!(format_count(0, Lang::Nl), "0");
        assert_eq!(format_count(999, Lang::Nl), "999");
        assert_eq!(format_count(1234, Lang::Nl), "1.234");
        assert_eq!(format_count(1234567, Lang::En), "1,234,567");
        assert_eq!(format_change(-1234, Lang::En), "\u{2212}1,234");
        assert_eq!(format_change(12, Lang::Nl), "+12");
        for (cell, nl) in [
            ("12.5", "12,5"),
            ("-0.25", "-0,25"),
            ("1.2.3", "1.2.3"),
            ("2026-Q3", "2026-Q3"),
            (".5", ".5"),
            ("https://a.nl", "https://a.nl"),
        ] {
            assert_eq!(localise_decimal(cell, Lang::Nl), nl);
            assert_eq!(localise_decimal(cell, Lang::En), cell);
        }
        assert_eq!(format_change(0, Lang::Nl), "0");
    }

    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(from_accept_language("en-GB,en;q=0.9,nl;q=0.8"), Some(Lang::En));
        assert_eq!(from_accept_language("de-DE,nl;q=0.5,en;q=0.4"), Some(Lang::Nl));
        assert_eq!(from_accept_language("de,fr"), None);
        assert_eq!(from_accept_language("en;q=0"), None);
    }
}
