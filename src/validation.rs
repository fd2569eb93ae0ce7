//! Field errors shared by forms, imports and the API. Each names the field and
//! a translation key (`error-…`), so a page shows it in the user's language and
//! the API in English.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub key: &'static str,
}

/// Collects field errors while checking an input.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, key: &'static str) {
        self.0.push(FieldError { field: field.into(), key });
    }

    pub fn check(&mut self, ok: bool, field: &str, key: &'static str) {
        if !ok {
            self.add(field, key);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// Trims a text and turns an empty one into `None`.
pub fn optional(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Whether `text` holds a character no input may carry: a control character other than
/// tab, line feed and carriage return (NUL, ESC, vertical tab, C1 controls…), or a
/// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
/// can make a name read as something else. Checked where input enters: forms, CSV
/// cells and JSON (PostgreSQL refuses NUL in text; nothing downstream should see any).
pub fn has_forbidden_character(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

pub fn is_kvk_number(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A plausible email address: one `@`, text on both sides, a dot in the domain, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !text.chars().any(char::is_whitespace)
        && text.len() <= 254
}

pub fn is_web_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && text.len() > "https://".len()
        && text.len() <= 500
        && !text.chars().any(char::is_whitespace)
}

pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Lower case, diacritics removed (é → e, ï → i): how names of places and search words are compared.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// A text field trimmed, or the key of what is wrong with it: empty when `required`,
/// longer than `max` characters, or holding a forbidden character.
pub fn checked_text(value: &str, required: bool, max: usize) -> Result<String, &'static str> {
    let value = value.trim();
    if required && value.is_empty() {
        Err("error-required")
    } else if char_len(value) > max {
        Err("error-too-long")
    } else if has_forbidden_character(value) {
        Err("error-forbidden-character")
    } else {
        Ok(value.to_string())
    }
}

/// A form's text field by [`checked_text`]: trimmed, its error (if any) added to `errors`.
pub fn text_field(errors: &mut Vec<FieldError>, field: &str, value: &str, required: bool, max: usize) -> String {
    checked_text(value, required, max).unwrap_or_else(|key| {
        errors.push(FieldError { field: field.to_string(), key });
        value.trim().to_string()
    })
}

/// A form's required date field (`YYYY-MM-DD`), its error (if any) added to `errors`.
pub fn date_field(errors: &mut Vec<FieldError>, field: &str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let key = if value.is_empty() {
        "error-required"
    } else {
        match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(date) => return Some(date),
            Err(_) => "error-date",
        }
    };
    errors.push(FieldError { field: field.to_string(), key });
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvk_numbers_are_eight_digits() {
        assert!(is_kvk_number("01234567"));
        assert!(!is_kvk_number("1234567"));
        assert!(!is_kvk_number("1234567a"));
        assert!(!is_kvk_number("123456789"));
    }

    #[test]
    fn emails() {
        assert!(is_email("info@de-kringloop.nl"));
        assert!(!is_email("info@localhost"));
        assert!(!is_email("a b@c.nl"));
        assert!(!is_email("@c.nl"));
    }
}
