//! Page shapes of social return: amounts in the reader's format, the entries with what
//! the viewer may do with them, the overview's CSV.

use serde_json::{json, Value};

use super::model::{Contract, Entry, ENTRY_FIELDS};
use super::progress::Progress;
use super::store::Named;
use super::Viewer;
use crate::config::SocialReturnConfig;
use crate::i18n::Lang;
use crate::i18n::{euros, percent};
use crate::web::download::euro_cell;
use crate::web::form::{field_errors, safe_cell};
use crate::web::AppError;

/// The message of a `?notice=` code after a redirect.
pub fn notice_key(code: &str) -> Option<String> {
    const KNOWN: &[&str] = &["created", "claimed", "recorded", "withdrawn", "overridden", "confirmed", "disputed"];
    KNOWN.contains(&code).then(|| format!("sr-notice-{code}"))
}

/// A percentage in hundredths as people write it: `2,5 %` / `2.5%`.
fn percentage(bp: i32, lang: Lang) -> String {
    let (whole, rest) = (bp / 100, bp % 100);
    let number = if rest == 0 {
        whole.to_string()
    } else {
        let decimals = format!("{rest:02}");
        let decimals = decimals.trim_end_matches('0');
        match lang {
            Lang::Nl => format!("{whole},{decimals}"),
            Lang::En => format!("{whole}.{decimals}"),
        }
    };
    match lang {
        Lang::Nl => format!("{number}\u{a0}%"),
        Lang::En => format!("{number}%"),
    }
}

fn progress_json(p: &Progress, lang: Lang) -> Value {
    json!({
        "obligation": euros(p.obligation_cents, lang),
        "realised": euros(p.realised_cents, lang),
        "realised_purchases": euros(p.realised_purchases_cents, lang),
        "pending": euros(p.pending_cents, lang),
        "disputed": euros(p.disputed_cents, lang),
        "realised_pct": percent(Some(p.realised_permille), lang),
        "term_pct": percent(Some(p.term_permille), lang),
        "bar": p.realised_permille.clamp(0, 1000),
        "projected": p.projected_cents.map(|c| euros(c, lang)),
        "state": p.state,
    })
}

/// A contract as the overview lists it.
pub fn contract_row(c: &Contract, contractor: &str, p: &Progress, lang: Lang) -> Value {
    json!({
        "id": c.id,
        "reference": c.reference,
        "title": c.title,
        "contractor": contractor,
        "value": euros(c.value_cents, lang),
        "percent": percentage(c.percent_bp, lang),
        "starts_on": c.starts_on.to_string(),
        "ends_on": c.ends_on.to_string(),
        "progress": progress_json(p, lang),
    })
}

/// The name of an entry's kind in `lang`: a purchase, or the building block's name.
fn kind_name(kind: &str, config: &SocialReturnConfig, lang: Lang) -> String {
    match config.block(kind) {
        Some(b) if lang == Lang::En => b.name_en.clone(),
        Some(b) => b.name_nl.clone(),
        None => crate::i18n::text(lang, "sr-kind-purchase"),
    }
}

fn entry_json(e: &Entry, wise: Option<&str>, config: &SocialReturnConfig, lang: Lang) -> Value {
    json!({
        "id": e.id,
        "purchase": e.is_purchase(),
        "kind": kind_name(&e.kind, config, lang),
        "wise": wise,
        "invoice_number": e.invoice_number,
        "entry_date": e.entry_date.to_string(),
        "amount": e.amount_cents.map(|a| euros(a, lang)),
        "quantity": e.quantity,
        "description": e.description,
        "rate": e.rate_pct,
        "value": euros(e.value_cents, lang),
        "state": e.state,
        "counts": e.counts(),
        "comment": e.comment,
        "may_withdraw": !matches!(e.state.as_str(), "confirmed" | "overridden"),
        "may_override": matches!(e.state.as_str(), "pending" | "disputed"),
    })
}

/// The contract page: its terms, progress, entries, and the forms the viewer may use.
pub fn contract_page(
    c: &Contract,
    contractor: &str,
    entries: &[Named],
    p: &Progress,
    viewer: &Viewer,
    config: &SocialReturnConfig,
    lang: Lang,
) -> Value {
    let blocks: Vec<Value> = config
        .blocks
        .iter()
        .map(|b| {
            json!({ "key": b.key, "name": kind_name(&b.key, config, lang), "value": euros(b.value_eur * 100, lang) })
        })
        .collect();
    json!({
        "nav": "social-return",
        "notice": null,
        "contract": contract_row(c, contractor, p, lang),
        "entries": entries.iter().map(|(e, w)| entry_json(e, w.as_deref(), config, lang)).collect::<Vec<_>>(),
        "officer": matches!(viewer, Viewer::Officer),
        "contractor": matches!(viewer, Viewer::Contractor(..)),
        "blocks": blocks,
        "rates": {
            "code_register": config.code_register_pct, "sena": config.sena_pct,
            "pso": config.pso_pct, "other": config.other_pct,
        },
        "entry_errors": field_errors(&ENTRY_FIELDS, &[]),
        "error_summary": [],
        "entry_values": { "kind": "purchase", "wise_kvk": "", "invoice_number": "", "entry_date": "",
                          "amount_eur": "", "quantity": "1", "description": "" },
        "override_entry": null,
        "override_error": null,
        "override_reason": "",
    })
}

/// The claims on a WISE: each with its contract and what the WISE may answer.
pub fn claims_page(claims: &[(Entry, Contract, String)], lang: Lang) -> Value {
    let rows: Vec<Value> = claims
        .iter()
        .map(|(e, c, contractor)| {
            json!({
                "id": e.id,
                "reference": c.reference,
                "title": c.title,
                "contractor": contractor,
                "invoice_number": e.invoice_number,
                "entry_date": e.entry_date.to_string(),
                "amount": e.amount_cents.map(|a| euros(a, lang)),
                "state": e.state,
                "comment": e.comment,
                "may_confirm": matches!(e.state.as_str(), "pending" | "disputed"),
                "may_dispute": e.state == "pending",
            })
        })
        .collect();
    json!({
        "nav": "social-return",
        "notice": null,
        "claims": rows,
        "waiting": claims.iter().filter(|(e, _, _)| e.state == "pending").count(),
        "answer_entry": null,
        "answer_error": null,
        "answer_comment": "",
    })
}

/// The overview as CSV: one row per contract, amounts in euros with cents.
pub fn contracts_csv(list: &[(Contract, String, Progress)]) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "reference",
        "title",
        "contractor",
        "value_eur",
        "percent",
        "obligation_eur",
        "starts_on",
        "ends_on",
        "realised_eur",
        "realised_purchases_eur",
        "pending_eur",
        "disputed_eur",
        "realised_pct",
        "term_pct",
        "projected_eur",
        "state",
    ])
    .map_err(anyhow::Error::from)?;
    for (c, contractor, p) in list {
        w.write_record([
            safe_cell(&c.reference),
            safe_cell(&c.title),
            safe_cell(contractor),
            euro_cell(c.value_cents),
            format!("{}.{:02}", c.percent_bp / 100, c.percent_bp % 100),
            euro_cell(c.obligation_cents),
            c.starts_on.to_string(),
            c.ends_on.to_string(),
            euro_cell(p.realised_cents),
            euro_cell(p.realised_purchases_cents),
            euro_cell(p.pending_cents),
            euro_cell(p.disputed_cents),
            format!("{}.{}", p.realised_permille / 10, p.realised_permille % 10),
            format!("{}.{}", p.term_permille / 10, p.term_permille % 10),
            p.projected_cents.map(euro_cell).unwrap_or_default(),
            p.state.to_string(),
        ])
        .map_err(anyhow::Error::from)?;
    }
    Ok(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_in_each_language() {
        assert_eq!(percentage(500, Lang::Nl), "5\u{a0}%");
        assert_eq!(percentage(250, Lang::En), "2.5%");
        assert_eq!(percentage(275, Lang::Nl), "2,75\u{a0}%");
    }
}
