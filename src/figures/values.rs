//! The output figures of one WISE for one period (SPEC §2), and the one place they
//! are read and checked — for the form, the CSV import and the API alike.
//!
//! Errors stop a submission; warnings flag values that are possible but unlikely
//! and only need the submitter's confirmation.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::validation::FieldError;
use crate::vocab;

/// Stocks: people at the end of the period.
pub const STOCKS: [&str; 5] = ["paid_target_group", "paid_regular", "trainees", "daytime_activities", "volunteers"];
/// Flows: people during the period.
pub const FLOWS: [&str; 5] =
    ["new_participants", "moved_to_paid_internal", "moved_to_paid_external", "moved_to_education", "other_exits"];
/// The figures a target-group breakdown divides: together it counts no more people.
pub const TG_CEILING: [&str; 3] = ["paid_target_group", "trainees", "daytime_activities"];
/// Optional fields besides the target-group breakdown (`tg_<group>`).
pub const OPTIONAL: [&str; 2] = ["fte_target_group", "turnover_eur"];
/// Largest count accepted in any field (no WISE employs a million people).
pub const MAX_COUNT: i64 = 1_000_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// The five stocks, in the order of [`STOCKS`].
    pub stocks: [i64; 5],
    /// The five flows, in the order of [`FLOWS`].
    pub flows: [i64; 5],
    /// FTE of the target-group people, in hundredths (12.5 FTE = 1250).
    pub fte_target_group_hundredths: Option<i64>,
    pub turnover_eur: Option<i64>,
    /// Target-group people by target group (only the groups given).
    pub target_groups: BTreeMap<String, i64>,
}

/// Every figure a field name can carry: the stocks, flows, optional fields and `tg_<group>`.
pub fn is_field(name: &str) -> bool {
    STOCKS.contains(&name)
        || FLOWS.contains(&name)
        || OPTIONAL.contains(&name)
        || name.strip_prefix("tg_").is_some_and(vocab::is_target_group)
}

fn error(field: &str, key: &'static str) -> FieldError {
    FieldError { field: field.to_string(), key }
}

/// A count: a whole number from 0 to [`MAX_COUNT`], spaces around it allowed.
pub fn parse_count(field: &str, text: &str) -> Result<i64, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(error(field, "error-required"));
    }
    match text.parse::<i64>() {
        Ok(n) if (0..=MAX_COUNT).contains(&n) => Ok(n),
        _ => Err(error(field, "error-count")),
    }
}

/// FTE with at most two decimals (a comma or a point), as hundredths.
pub fn parse_fte(field: &str, text: &str) -> Result<i64, FieldError> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let valid = !whole.is_empty()
        && whole.len() <= 7
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() <= 2
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return Err(error(field, "error-fte"));
    }
    let whole: i64 = whole.parse().map_err(|_| error(field, "error-fte"))?;
    let fraction: i64 = if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().unwrap_or(0) };
    Ok(whole * 100 + fraction)
}

impl Figures {
    /// Reads figures from named text values (form fields, CSV cells, JSON values as
    /// text). Every stock and flow is required; the optional fields may be absent or
    /// empty. Unknown names are an error. All errors are returned, not the first.
    pub fn from_fields<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<FieldError>> {
        let mut figures = Figures::default();
        let mut errors = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in fields {
            if seen.contains(&name) {
                errors.push(error(name, "error-duplicate"));
                continue;
            }
            seen.push(name);
            if let Some(i) = STOCKS.iter().position(|s| *s == name) {
                parse_count(name, value).map(|n| figures.stocks[i] = n).unwrap_or_else(|e| errors.push(e));
            } else if let Some(i) = FLOWS.iter().position(|f| *f == name) {
                parse_count(name, value).map(|n| figures.flows[i] = n).unwrap_or_else(|e| errors.push(e));
            } else if value.trim().is_empty() && is_field(name) {
                // An optional field left empty.
            } else if name == "fte_target_group" {
                parse_fte(name, value)
                    .map(|n| figures.fte_target_group_hundredths = Some(n))
                    .unwrap_or_else(|e| errors.push(e));
            } else if name == "turnover_eur" {
                match value.trim().parse::<i64>() {
                    Ok(n) if n >= 0 => figures.turnover_eur = Some(n),
                    _ => errors.push(error(name, "error-turnover")),
                }
            } else if let Some(group) = name.strip_prefix("tg_").filter(|g| vocab::is_target_group(g)) {
                parse_count(name, value)
                    .map(|n| {
                        figures.target_groups.insert(group.to_string(), n);
                    })
                    .unwrap_or_else(|e| errors.push(e));
            } else {
                errors.push(error(name, "error-unknown-field"));
            }
        }
        for required in STOCKS.iter().chain(FLOWS.iter()) {
            if !seen.contains(required) {
                errors.push(error(required, "error-required"));
            }
        }
        if errors.is_empty() {
            errors = figures.errors();
        }
        if errors.is_empty() {
            Ok(figures)
        } else {
            Err(errors)
        }
    }

    pub fn stock(&self, name: &str) -> i64 {
        STOCKS.iter().position(|s| *s == name).map_or(0, |i| self.stocks[i])
    }

    pub fn flow(&self, name: &str) -> i64 {
        FLOWS.iter().position(|f| *f == name).map_or(0, |i| self.flows[i])
    }

    /// The value of any field by its name: a count, FTE in hundredths, euros; `None`
    /// when not given (an optional field or a target group left empty).
    pub fn value(&self, name: &str) -> Option<i64> {
        if let Some(i) = STOCKS.iter().position(|s| *s == name) {
            return Some(self.stocks[i]);
        }
        if let Some(i) = FLOWS.iter().position(|f| *f == name) {
            return Some(self.flows[i]);
        }
        match name {
            "fte_target_group" => self.fte_target_group_hundredths,
            "turnover_eur" => self.turnover_eur,
            _ => name.strip_prefix("tg_").and_then(|g| self.target_groups.get(g).copied()),
        }
    }

    /// People working: the sum of the five stocks.
    pub fn people_working(&self) -> i64 {
        self.stocks.iter().sum()
    }

    /// Onward moves into paid jobs: internal plus external.
    pub fn moved_to_paid(&self) -> i64 {
        self.flow("moved_to_paid_internal") + self.flow("moved_to_paid_external")
    }

    /// Rules no submission may break: the target-group breakdown cannot count more
    /// people than the target-group people, trainees and daytime participants together.
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let breakdown: i64 = self.target_groups.values().sum();
        let ceiling: i64 = TG_CEILING.iter().map(|f| self.stock(f)).sum();
        if breakdown > ceiling {
            let field = self.target_groups.keys().next().map_or("tg".to_string(), |g| format!("tg_{g}"));
            errors.push(FieldError { field, key: "error-tg-sum" });
        }
        errors
    }

    /// Possible but unlikely values, for the submitter to confirm.
    pub fn warnings(&self) -> Vec<FieldError> {
        let mut warnings = Vec::new();
        let unpaid = self.stock("trainees") + self.stock("daytime_activities") + self.stock("volunteers");
        if self.flow("moved_to_paid_internal") > unpaid + self.flow("new_participants") {
            warnings.push(error("moved_to_paid_internal", "warning-moves-internal"));
        }
        let leaving = self.flow("moved_to_paid_external") + self.flow("moved_to_education") + self.flow("other_exits");
        if leaving > self.people_working() + self.flow("new_participants") {
            warnings.push(error("other_exits", "warning-moves-out"));
        }
        if let Some(fte) = self.fte_target_group_hundredths {
            if fte > self.stock("paid_target_group") * 100 {
                warnings.push(error("fte_target_group", "warning-fte"));
            }
        }
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Vec<(&'static str, &'static str)> {
        vec![
            ("paid_target_group", "20"),
            ("paid_regular", "5"),
            ("trainees", "8"),
            ("daytime_activities", "4"),
            ("volunteers", "3"),
            ("new_participants", "6"),
            ("moved_to_paid_internal", "2"),
            ("moved_to_paid_external", "3"),
            ("moved_to_education", "1"),
            ("other_exits", "2"),
        ]
    }

    #[test]
    fn complete_figures_are_read_and_derived() {
        let mut fields = complete();
        fields.extend([("fte_target_group", "14,5"), ("turnover_eur", "125000"), ("tg_mental_health", "12")]);
        let f = Figures::from_fields(fields).unwrap();
        assert_eq!(f.people_working(), 40);
        assert_eq!(f.moved_to_paid(), 5);
        assert_eq!(f.fte_target_group_hundredths, Some(1450));
        assert_eq!(f.target_groups.get("mental_health"), Some(&12));
        assert!(f.warnings().is_empty());
    }

    #[test]
    fn bad_values_are_named_field_by_field() {
        let mut fields = complete();
        fields.retain(|(k, _)| *k != "volunteers");
        fields[0].1 = "-1";
        fields[1].1 = "2.5";
        fields[2].1 = "acht";
        fields.extend([("tg_aliens", "1"), ("fte_target_group", "1.234"), ("turnover_eur", "-5"), ("colour", "x")]);
        let errors = Figures::from_fields(fields).unwrap_err();
        let named: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(
            named,
            [
                ("paid_target_group", "error-count"),
                ("paid_regular", "error-count"),
                ("trainees", "error-count"),
                ("tg_aliens", "error-unknown-field"),
                ("fte_target_group", "error-fte"),
                ("turnover_eur", "error-turnover"),
                ("colour", "error-unknown-field"),
                ("volunteers", "error-required"),
            ]
        );
    }

    #[test]
    fn the_breakdown_cannot_exceed_who_it_breaks_down() {
        let mut fields = complete();
        fields.push(("tg_refugee_background", "33"));
        assert_eq!(Figures::from_fields(fields.clone()).unwrap_err()[0].key, "error-tg-sum");
        fields.pop();
        fields.push(("tg_refugee_background", "32"));
        assert!(Figures::from_fields(fields).is_ok(), "20 + 8 + 4 = 32 is the ceiling");
    }

    #[test]
    fn unlikely_values_are_warnings_not_errors() {
        let mut fields = complete();
        fields[6].1 = "40"; // moved_to_paid_internal
        fields[9].1 = "90"; // other_exits
        fields.push(("fte_target_group", "25"));
        let f = Figures::from_fields(fields).unwrap();
        let warned: Vec<&str> = f.warnings().iter().map(|w| w.key).collect();
        assert_eq!(warned, ["warning-moves-internal", "warning-moves-out", "warning-fte"]);
    }

    #[test]
    fn empty_optional_fields_and_duplicates() {
        let mut fields = complete();
        fields.extend([("fte_target_group", " "), ("tg_ex_offender", "")]);
        let f = Figures::from_fields(fields.clone()).unwrap();
        assert_eq!(f.fte_target_group_hundredths, None);
        assert!(f.target_groups.is_empty());
        fields.push(("trainees", "1"));
        assert_eq!(Figures::from_fields(fields).unwrap_err()[0].key, "error-duplicate");
    }
}
