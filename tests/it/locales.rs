//! Translations: both languages have the same keys, every key a template or the
//! code uses exists, and every vocabulary code has a label.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::Entry;
use wise_monitor::web::i18n::{lookup, Lang};

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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut stack = vec![root];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "hbs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("fluent \"").skip(1) {
                    let key = piece.split('"').next().unwrap();
                    assert!(nl.contains(key), "{} uses the missing key {key:?}", path.display());
                    checked += 1;
                }
            }
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
