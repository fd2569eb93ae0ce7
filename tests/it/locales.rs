//! Translations: both languages have the same keys, every key a template or the
//! code uses exists, and every vocabulary code has a label.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::Entry;
use wise_monitor::i18n::{lookup, Lang};

fn keys(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/locales").join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
            for entry in resource.body {
                if let Entry::Message(m) = entry {
                    assert!(keys.insert(m.id.name.to_string()), "{} defines {} twice", path.display(), m.id.name);
                }
            }
        }
    }
    keys
}

#[test]
fn both_languages_have_the_same_keys() {
    let nl = keys("nl");
    let en = keys("en");
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl: {only_nl:?}; only in en: {only_en:?}");
}

/// Every `{{fluent "key"}}` in a template names a key that exists.
#[test]
fn templates_use_only_existing_keys() {
    let nl = keys("nl");
    let mut checked = 0;
    for (path, text) in templates() {
        for piece in text.split("fluent \"").skip(1) {
            let key = piece.split('"').next().unwrap();
            assert!(nl.contains(key), "{} uses the missing key {key:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 50, "found only {checked} keys; is the scan broken?");
}

#[test]
fn every_vocabulary_code_and_month_has_a_label_in_both_languages() {
    for lang in Lang::ALL {
        for (vocabulary, codes) in wise_monitor::vocab::ALL {
            for code in *codes {
                let key = wise_monitor::vocab::label_key(vocabulary, code);
                assert!(lookup(lang, &key, &[]).is_some(), "{lang:?} lacks {key}");
            }
        }
        for month in 1..=12 {
            assert!(lookup(lang, &format!("month-{month}"), &[]).is_some());
        }
        for status in [400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503] {
            assert!(lookup(lang, &format!("error-{status}-title"), &[]).is_some(), "error-{status}-title");
            assert!(lookup(lang, &format!("error-{status}-text"), &[]).is_some(), "error-{status}-text");
        }
    }
}

/// Every validation error key the code can produce is translated.
#[test]
fn validation_messages_exist() {
    let nl = keys("nl");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("\"error-").skip(1) {
                    let rest: String = piece.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                    if piece[rest.len()..].starts_with('"') && !rest.ends_with('-') {
                        let key = format!("error-{rest}");
                        assert!(nl.contains(&key), "{} uses the missing key {key}", path.display());
                    }
                }
            }
        }
    }
}

/// Every template file (pages and mails), as (path, text).
fn templates() -> Vec<(std::path::PathBuf, String)> {
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "hbs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    found
}

/// A template with every Handlebars expression (`{{…}}`, `{{{…}}}`, comments) replaced
/// by a space; quoted strings inside an expression may hold braces.
fn without_expressions(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        out.push(' ');
        let inner = &rest[start + 2..];
        let end = if inner.starts_with("!--") {
            inner.find("--}}").map(|e| e + 4)
        } else {
            let mut quoted = false;
            let mut close = None;
            for (i, c) in inner.char_indices() {
                match c {
                    '"' => quoted = !quoted,
                    '}' if !quoted && inner[i..].starts_with("}}") => {
                        close = Some(i + if inner[i..].starts_with("}}}") { 3 } else { 2 });
                        break;
                    }
                    _ => {}
                }
            }
            close
        };
        let end =
            end.unwrap_or_else(|| panic!("an unclosed {{{{ in a template near {:?}", &inner[..inner.len().min(60)]));
        rest = &inner[end..];
    }
    out.push_str(rest);
    out
}

/// Removes every `<tag …>…</tag>` of these names, content included.
fn without_elements(text: &str, names: &[&str]) -> String {
    let mut text = text.to_string();
    for name in names {
        while let Some(start) = text.find(&format!("<{name}")) {
            let close = format!("</{name}>");
            let end = text[start..].find(&close).map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    text
}

/// Words a person would read that no translation supplies: text between tags and the
/// attributes browsers show or speak. Code, data formats and scripts are not prose.
fn literal_words(template: &str) -> Vec<String> {
    let text = without_elements(&without_expressions(template), &["script", "style", "code", "pre", "svg"]);
    let mut shown = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('<') {
        shown.push_str(&rest[..open]);
        shown.push(' ');
        let end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..end];
        for attribute in ["alt", "title", "placeholder", "aria-label", "label"] {
            if let Some(value) = tag.split(&format!(" {attribute}=\"")).nth(1) {
                shown.push(' ');
                shown.push_str(value.split('"').next().unwrap_or(""));
            }
        }
        rest = &rest[end..];
    }
    shown.push_str(rest);
    let mut words = Vec::new();
    for word in shown.split(|c: char| !c.is_alphabetic() && c != '&' && c != ';' && c != '#') {
        // HTML entities (&nbsp; &middot;) are punctuation here.
        let word = if word.starts_with('&') && word.ends_with(';') { "" } else { word };
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        if word.chars().count() >= 2 && !ALLOWED_LITERALS.contains(&word) {
            words.push(word.to_string());
        }
    }
    words
}

/// Words that are the same in every language.
const ALLOWED_LITERALS: &[&str] = &["CPV"];

/// No page or mail shows text that is not looked up in the translations: every word a
/// template writes itself fails here (the strict renderer already fails on a missing key).
#[test]
fn templates_show_no_untranslated_text() {
    let mut problems = Vec::new();
    let all = templates();
    assert!(all.len() > 40, "found only {} templates", all.len());
    for (path, text) in &all {
        let words = literal_words(text);
        if !words.is_empty() {
            problems.push(format!("{}: {words:?}", path.display()));
        }
    }
    assert!(problems.is_empty(), "untranslated text in templates:\n{}", problems.join("\n"));
    // The check itself finds a literal word, in text and in a shown attribute.
    assert_eq!(literal_words("<p>{{fluent \"a\"}} Opslaan</p>"), ["Opslaan"]);
    assert_eq!(literal_words("<img alt=\"Logo\" src=\"{{asset \"x\"}}\">"), ["Logo"]);
    assert_eq!(
        literal_words("<p>{{fluent \"a\" x=(b \"}}\")}} &middot; <code>kvk_number</code></p>"),
        Vec::<String>::new()
    );
}
