//! Handlebars templates, embedded in the binary and overridable from a directory.
//! Strict mode is on: a template that names a missing field fails loudly.

use std::path::Path;

use anyhow::Context as _;
use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson};
use rust_embed::RustEmbed;
use serde_json::Value;

use super::assets;
use crate::i18n::{self, Lang};
use crate::vocab::cpv;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct Embedded;

/// The template name of a file path: `catalogue/profile.html.hbs` → `catalogue/profile`.
fn template_name(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let stem = path.strip_suffix(".hbs")?;
    Some(stem.strip_suffix(".html").unwrap_or(stem).to_string())
}

pub struct Templates {
    registry: Handlebars<'static>,
    /// The same templates without HTML escaping, for plain-text mail parts.
    text_registry: Handlebars<'static>,
}

impl Templates {
    /// The embedded templates, then any files in `override_dir` replacing them by name.
    /// With `reload`, overriding files are re-read on every render.
    pub fn new(override_dir: Option<&Path>, reload: bool) -> anyhow::Result<Self> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        for file in Embedded::iter() {
            let Some(name) = template_name(&file) else { continue };
            let body = Embedded::get(&file).expect("listed file exists");
            let text = std::str::from_utf8(&body.data).with_context(|| format!("template {file} is not UTF-8"))?;
            hb.register_template_string(&name, text).with_context(|| format!("template {file} does not compile"))?;
        }
        if let Some(dir) = override_dir {
            // Dev mode must be on before the files are registered, so their sources are kept.
            hb.set_dev_mode(reload);
            register_dir(&mut hb, dir)?;
        }
        let helpers: [(&str, TextFn); 9] = [
            ("fluent", fluent),
            ("label", label),
            ("cpv_division", cpv_division),
            ("asset", asset),
            ("date", date),
            ("datetime", datetime),
            ("in_lang", in_lang),
            ("decimal", decimal),
            ("grouped", grouped),
        ];
        for (name, helper) in helpers {
            hb.register_helper(name, Box::new(Text(helper)));
        }
        let mut text = hb.clone();
        text.register_escape_fn(handlebars::no_escape);
        Ok(Self { registry: hb, text_registry: text })
    }

    pub fn render(&self, name: &str, data: &Value) -> Result<String, RenderError> {
        self.registry.render(name, data)
    }

    /// Renders without HTML escaping: for plain text (mail subjects and text parts), never for pages.
    pub fn render_text(&self, name: &str, data: &Value) -> Result<String, RenderError> {
        self.text_registry.render(name, data)
    }

    pub fn has(&self, name: &str) -> bool {
        self.registry.has_template(name)
    }

    /// Names of every registered template (tests render each one).
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.registry.get_templates().keys().cloned().collect();
        names.sort();
        names
    }
}

fn register_dir(hb: &mut Handlebars<'static>, dir: &Path) -> anyhow::Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current)
            .with_context(|| format!("cannot read the template directory {}", current.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(dir).expect("below dir").to_string_lossy().to_string();
            if let Some(name) = template_name(&relative) {
                hb.register_template_file(&name, &path)
                    .with_context(|| format!("template {} does not compile", path.display()))?;
            }
        }
    }
    Ok(())
}

/// The page language, from the `lang` field at the root of the render context.
fn lang_of(ctx: &Context) -> Lang {
    ctx.data().get("lang").and_then(Value::as_str).and_then(Lang::parse).unwrap_or(Lang::Nl)
}

fn str_param<'a>(h: &'a Helper, index: usize, helper: &'static str) -> Result<&'a str, RenderError> {
    h.param(index)
        .and_then(|p| p.value().as_str())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(helper, index).into())
}

fn missing_key(key: &str) -> RenderError {
    RenderErrorReason::Other(format!("missing translation {key:?}")).into()
}

fn fluent_value(value: &Value) -> fluent_templates::fluent_bundle::FluentValue<'static> {
    match value {
        Value::Number(n) => n.as_f64().map(Into::into).unwrap_or_else(|| n.to_string().into()),
        Value::String(s) => s.clone().into(),
        Value::Null => "".into(),
        other => other.to_string().into(),
    }
}

/// A helper that makes a text in the page language from its parameters; its result is
/// escaped like any value, and it also serves as a sub-expression
/// (`{{fluent "key" date=(date until)}}`).
struct Text(TextFn);

type TextFn = fn(&Helper, Lang) -> Result<String, RenderError>;

impl HelperDef for Text {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(Value::String((self.0)(h, lang_of(ctx))?)))
    }
}

fn failed(message: String) -> RenderError {
    RenderErrorReason::Other(message).into()
}

/// `{{fluent "key" name=value …}}`: the translation of `key`.
fn fluent(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let key = str_param(h, 0, "fluent")?;
    let args: Vec<(&str, _)> = h.hash().iter().map(|(k, v)| (*k, fluent_value(v.value()))).collect();
    i18n::lookup(lang, key, &args).ok_or_else(|| missing_key(key))
}

/// `{{label "sector" code}}`: the label of a vocabulary code (`sector-catering`).
fn label(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let key = crate::vocab::label_key(str_param(h, 0, "label")?, str_param(h, 1, "label")?);
    i18n::lookup(lang, &key, &[]).ok_or_else(|| missing_key(&key))
}

/// `{{cpv_division "45"}}`: the label of a CPV division.
fn cpv_division(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let division = str_param(h, 0, "cpv_division")?;
    cpv::division_label(division, lang)
        .map(str::to_string)
        .ok_or_else(|| failed(format!("unknown CPV division {division:?}")))
}

/// `{{asset "css/site.css"}}`: the URL of a static file, versioned by its content.
fn asset(h: &Helper, _: Lang) -> Result<String, RenderError> {
    let path = str_param(h, 0, "asset")?;
    assets::url(path).ok_or_else(|| failed(format!("no static file {path:?}")))
}

/// `{{in_lang label_en label_nl}}`: the Dutch text on a Dutch page when there is one,
/// otherwise the English (CPV labels, which exist in English for every code).
fn in_lang(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let english = str_param(h, 0, "in_lang")?;
    let dutch = h.param(1).and_then(|p| p.value().as_str()).filter(|d| !d.is_empty());
    Ok(match (lang, dutch) {
        (Lang::Nl, Some(dutch)) => dutch.to_string(),
        _ => english.to_string(),
    })
}

/// `{{decimal "12.5"}}`: a decimal number as the reader writes it (`12,5` in Dutch);
/// anything that is not a plain number is left as it is.
fn decimal(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    Ok(i18n::localise_decimal(h.param(0).and_then(|p| p.value().as_str()).unwrap_or(""), lang))
}

/// `{{grouped 12500}}`: a whole number as the reader writes it (`12.500` in Dutch); empty
/// for anything else (a suppressed cell), so `reports/cell` marks it.
fn grouped(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    Ok(h.param(0).and_then(|p| p.value().as_i64()).map(|n| i18n::format_count(n, lang)).unwrap_or_default())
}

/// `{{date "2026-03-01"}}`: a date written out ("1 maart 2026").
fn date(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let raw = str_param(h, 0, "date")?;
    let date = chrono::NaiveDate::parse_from_str(raw.get(..10).unwrap_or(raw), "%Y-%m-%d")
        .map_err(|_| failed(format!("not a date: {raw:?}")))?;
    Ok(format_date(date, lang))
}

/// `{{datetime moment}}`: a stored moment (UTC) as a date and time in the Netherlands:
/// "1 maart 2026, 14:05".
fn datetime(h: &Helper, lang: Lang) -> Result<String, RenderError> {
    let raw = str_param(h, 0, "datetime")?;
    let moment = chrono::NaiveDateTime::parse_from_str(raw.get(..19).unwrap_or(raw), "%Y-%m-%dT%H:%M:%S")
        .map_err(|_| failed(format!("not a date and time: {raw:?}")))?;
    Ok(format_datetime(moment, lang))
}

/// A stored moment (UTC) in Dutch local time: "1 maart 2026, 14:05".
pub fn format_datetime(moment: chrono::NaiveDateTime, lang: Lang) -> String {
    let local = moment.and_utc().with_timezone(&chrono_tz::Europe::Amsterdam);
    format!("{}, {}", format_date(local.date_naive(), lang), local.format("%H:%M"))
}

/// "1 maart 2026" / "1 March 2026".
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let month = i18n::text(lang, &format!("month-{}", date.month()));
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_shown_in_dutch_local_time() {
        let winter = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(7, 30, 0).unwrap();
        let summer = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap().and_hms_opt(23, 15, 0).unwrap();
        assert_eq!(format_datetime(winter, Lang::En), "5 January 2026, 08:30");
        assert_eq!(format_datetime(summer, Lang::Nl), "2 juli 2026, 01:15");
    }

    #[test]
    fn names_drop_extensions() {
        assert_eq!(template_name("catalogue/profile.html.hbs").as_deref(), Some("catalogue/profile"));
        assert_eq!(template_name("email/reset/subject.hbs").as_deref(), Some("email/reset/subject"));
        assert_eq!(template_name("static/site.css"), None);
    }

    #[test]
    fn embedded_templates_compile_and_dates_are_localised() {
        let t = Templates::new(None, false).unwrap();
        assert!(t.has("layouts/base"));
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(format_date(d, Lang::Nl), "1 maart 2026");
        assert_eq!(format_date(d, Lang::En), "1 March 2026");
    }
}
