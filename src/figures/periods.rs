//! Reporting periods (SPEC §2): a quarter `YYYY-Qn` or a year `YYYY`, with the
//! date submissions open and the due date. Keys, ranges, the one validation the
//! page and the command line share, and the queries.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::reporting_periods;
use crate::db::{write_tx, DbConn};
use crate::validation::{Errors, FieldError};

/// The earliest and latest year a period may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// The most periods one range may create.
pub const MAX_RANGE: usize = 200;
/// Days from opening to the due date when nobody says otherwise.
pub const DEFAULT_DUE_DAYS: i64 = 30;
/// The longest a period may stay open.
pub const MAX_DUE_DAYS: i64 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quarter,
    Year,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quarter => "quarter",
            Kind::Year => "year",
        }
    }
}

/// A period's key: `2025-Q3` (quarter 3 of 2025) or `2025` (the year).
/// Ordered by time within one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PeriodKey {
    pub year: i32,
    /// 1 to 4 for a quarter, `None` for a year.
    pub quarter: Option<u32>,
}

/// Why a key or a range is not acceptable; each has a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// Not `YYYY` or `YYYY-Qn`.
    Malformed,
    /// A quarter other than 1–4.
    Quarter,
    /// A year outside [`YEARS`].
    Year,
    /// A quarter and a year in one range.
    MixedKinds,
    /// The end lies before the start.
    Reversed,
    /// More than [`MAX_RANGE`] periods.
    TooMany,
}

impl PeriodError {
    pub fn message_key(self) -> &'static str {
        match self {
            PeriodError::Malformed => "error-period-malformed",
            PeriodError::Quarter => "error-period-quarter",
            PeriodError::Year => "error-period-year",
            PeriodError::MixedKinds => "error-period-mixed",
            PeriodError::Reversed => "error-period-reversed",
            PeriodError::TooMany => "error-period-too-many",
        }
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::text(crate::i18n::Lang::En, self.message_key()))
    }
}

impl std::error::Error for PeriodError {}

impl PeriodKey {
    /// Reads `2025`, `2025-Q3` (also `2025-q3`, surrounding spaces ignored).
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let text = text.trim();
        let (year, quarter) = match text.split_once('-') {
            Some((year, quarter)) => (year, Some(quarter)),
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeriodError::Malformed);
        }
        let year: i32 = year.parse().map_err(|_| PeriodError::Malformed)?;
        let quarter = match quarter {
            None => None,
            Some(q) => {
                let digits = q.strip_prefix(['Q', 'q']).ok_or(PeriodError::Malformed)?;
                if digits.len() != 1 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(PeriodError::Malformed);
                }
                let n: u32 = digits.parse().map_err(|_| PeriodError::Malformed)?;
                if !(1..=4).contains(&n) {
                    return Err(PeriodError::Quarter);
                }
                Some(n)
            }
        };
        if !YEARS.contains(&year) {
            return Err(PeriodError::Year);
        }
        Ok(Self { year, quarter })
    }

    pub fn kind(self) -> Kind {
        if self.quarter.is_some() {
            Kind::Quarter
        } else {
            Kind::Year
        }
    }

    /// The first day of the period.
    pub fn starts_on(self) -> NaiveDate {
        let month = self.quarter.map_or(1, |q| 3 * q - 2);
        NaiveDate::from_ymd_opt(self.year, month, 1).expect("a valid first day")
    }

    /// The last day of the period.
    pub fn ends_on(self) -> NaiveDate {
        self.next().starts_on() - Duration::days(1)
    }

    /// The period of the same kind that follows this one.
    pub fn next(self) -> Self {
        match self.quarter {
            Some(4) => Self { year: self.year + 1, quarter: Some(1) },
            Some(q) => Self { year: self.year, quarter: Some(q + 1) },
            None => Self { year: self.year + 1, quarter: None },
        }
    }

    /// The period of the same kind before this one.
    pub fn previous(self) -> Self {
        match self.quarter {
            Some(1) => Self { year: self.year - 1, quarter: Some(4) },
            Some(q) => Self { year: self.year, quarter: Some(q - 1) },
            None => Self { year: self.year - 1, quarter: None },
        }
    }

    /// The same period a year earlier.
    pub fn year_earlier(self) -> Self {
        Self { year: self.year - 1, quarter: self.quarter }
    }

    /// Every period from `from` to `to`, both included; both of one kind, `from` first.
    pub fn range(from: Self, to: Self) -> Result<Vec<Self>, PeriodError> {
        if from.kind() != to.kind() {
            return Err(PeriodError::MixedKinds);
        }
        if from > to {
            return Err(PeriodError::Reversed);
        }
        let mut keys = vec![from];
        let mut key = from;
        while key < to {
            key = key.next();
            keys.push(key);
            if keys.len() > MAX_RANGE {
                return Err(PeriodError::TooMany);
            }
        }
        Ok(keys)
    }
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.quarter {
            Some(q) => write!(f, "{}-Q{q}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

/// A checked request to create periods: the keys and the days from opening to due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeRequest {
    pub keys: Vec<PeriodKey>,
    pub due_days: i64,
}

/// The one check of `from`, `to` and `due_days` (fields named as on the form;
/// the command line calls them `--from`, `--to` and `--due-days`).
pub fn validate_range(from: &str, to: &str, due_days: &str) -> Result<RangeRequest, Vec<FieldError>> {
    let mut e = Errors::default();
    let key = |field: &str, text: &str, e: &mut Errors| {
        if text.trim().is_empty() {
            e.add(field, "error-required");
            return None;
        }
        PeriodKey::parse(text).map_err(|err| e.add(field, err.message_key())).ok()
    };
    let from = key("from", from, &mut e);
    let to = key("to", to, &mut e);
    let due_days = match due_days.trim() {
        "" => Some(DEFAULT_DUE_DAYS),
        text => match text.parse::<i64>() {
            Ok(n) if (0..=MAX_DUE_DAYS).contains(&n) => Some(n),
            _ => {
                e.add("due_days", "error-period-due-days");
                None
            }
        },
    };
    let keys = match (from, to) {
        (Some(from), Some(to)) => PeriodKey::range(from, to).map_err(|err| e.add("to", err.message_key())).ok(),
        _ => None,
    };
    match (keys, due_days) {
        (Some(keys), Some(due_days)) if e.is_empty() => Ok(RangeRequest { keys, due_days }),
        _ => Err(e.0),
    }
}

/// One stored period.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = reporting_periods)]
pub struct Period {
    pub id: i32,
    pub key: String,
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
    pub created_at: NaiveDateTime,
}

/// Where a period stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Submissions have not opened yet.
    Upcoming,
    /// Open for submissions, up to and including the due date.
    Open,
    /// Past the due date: late submissions and corrections are still taken.
    Overdue,
    /// Closed: only the operator may still write its figures.
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Overdue => "overdue",
            Status::Closed => "closed",
        }
    }

    /// Whether a WISE's own users may still save figures for the period.
    pub fn takes_figures(self) -> bool {
        matches!(self, Status::Open | Status::Overdue)
    }
}

impl Period {
    /// Where the period stands on `today`, when it closes `closes_after_days` after
    /// its due date (the `[figures]` setting).
    pub fn status(&self, today: NaiveDate, closes_after_days: i64) -> Status {
        if today < self.opens_on {
            Status::Upcoming
        } else if today <= self.due_on {
            Status::Open
        } else if today <= self.due_on + Duration::days(closes_after_days) {
            Status::Overdue
        } else {
            Status::Closed
        }
    }

    /// Whether `other` lies within this period (a quarter within its year; a period
    /// within itself).
    pub fn contains(&self, other: &Period) -> bool {
        other.starts_on >= self.starts_on && other.ends_on <= self.ends_on
    }

    /// The key, parsed (stored keys are always valid).
    pub fn period_key(&self) -> PeriodKey {
        PeriodKey::parse(&self.key).expect("stored period keys are valid")
    }
}

/// The dates a new period gets: open the day after it ends, due `due_days` later.
pub fn new_dates(key: PeriodKey, due_days: i64) -> (NaiveDate, NaiveDate) {
    let opens_on = key.ends_on() + Duration::days(1);
    (opens_on, opens_on + Duration::days(due_days))
}

/// Creates the periods of `request` that do not exist yet, in one transaction;
/// existing periods are left as they are. Returns (created, kept).
pub fn create_range(conn: &mut DbConn, request: &RangeRequest, now: NaiveDateTime) -> QueryResult<(usize, usize)> {
    let keys: Vec<String> = request.keys.iter().map(ToString::to_string).collect();
    write_tx(conn, |conn| {
        let existing: Vec<String> = reporting_periods::table
            .filter(reporting_periods::key.eq_any(&keys))
            .select(reporting_periods::key)
            .load(conn)?;
        let mut created = 0;
        for key in &request.keys {
            if existing.contains(&key.to_string()) {
                continue;
            }
            let (opens_on, due_on) = new_dates(*key, request.due_days);
            diesel::insert_into(reporting_periods::table)
                .values((
                    reporting_periods::key.eq(key.to_string()),
                    reporting_periods::kind.eq(key.kind().as_str()),
                    reporting_periods::starts_on.eq(key.starts_on()),
                    reporting_periods::ends_on.eq(key.ends_on()),
                    reporting_periods::opens_on.eq(opens_on),
                    reporting_periods::due_on.eq(due_on),
                    reporting_periods::created_at.eq(now),
                ))
                .execute(conn)?;
            created += 1;
        }
        Ok((created, existing.len()))
    })
}

/// Every period, the earliest first (a year before its first quarter).
pub fn list(conn: &mut DbConn) -> QueryResult<Vec<Period>> {
    reporting_periods::table
        .order((reporting_periods::starts_on.asc(), reporting_periods::ends_on.desc(), reporting_periods::key.asc()))
        .select(Period::as_select())
        .load(conn)
}

/// One period by its key.
pub fn find(conn: &mut DbConn, key: &str) -> QueryResult<Option<Period>> {
    reporting_periods::table.filter(reporting_periods::key.eq(key)).select(Period::as_select()).first(conn).optional()
}

/// A year's period as a report sees it: the stored year period when the operator made
/// one (a yearly cadence), else a year made from its quarters (SPEC §2: "a year's
/// report rolls its quarters up"; no year period is needed). A made-up year has a
/// negative id, so no stored figures are taken as the year's own.
pub fn year_of_quarters(year: i32) -> Period {
    let key = PeriodKey { year, quarter: None };
    let (opens_on, due_on) = new_dates(key, 0);
    Period {
        id: -year,
        key: key.to_string(),
        kind: Kind::Year.as_str().to_string(),
        starts_on: key.starts_on(),
        ends_on: key.ends_on(),
        opens_on,
        due_on,
        created_at: NaiveDateTime::default(),
    }
}

/// Every period a report can be made for: the stored ones, and the years of stored
/// quarters that have no year period of their own; ordered as [`list`].
pub fn list_for_reports(conn: &mut DbConn) -> QueryResult<Vec<Period>> {
    Ok(with_years_of_quarters(list(conn)?))
}

/// `periods` and the years of their quarters that are not among them, ordered as [`list`].
pub fn with_years_of_quarters(mut periods: Vec<Period>) -> Vec<Period> {
    let years: std::collections::BTreeSet<i32> = periods
        .iter()
        .filter(|p| p.kind == Kind::Quarter.as_str())
        .map(|p| p.starts_on.year())
        .filter(|y| !periods.iter().any(|p| p.kind == Kind::Year.as_str() && p.starts_on.year() == *y))
        .collect();
    periods.extend(years.into_iter().map(year_of_quarters));
    periods.sort_by(|a, b| (a.starts_on, b.ends_on, &a.key).cmp(&(b.starts_on, a.ends_on, &b.key)));
    periods
}

/// The period a report for `key` covers: stored, or a year of stored quarters.
pub fn find_for_reports(conn: &mut DbConn, key: &str) -> QueryResult<Option<Period>> {
    if let Some(p) = find(conn, key)? {
        return Ok(Some(p));
    }
    let Ok(parsed) = PeriodKey::parse(key) else { return Ok(None) };
    if parsed.quarter.is_some() {
        return Ok(None);
    }
    let (starts_on, ends_on) = (parsed.starts_on(), parsed.ends_on());
    let quarters: i64 = reporting_periods::table
        .filter(reporting_periods::kind.eq(Kind::Quarter.as_str()))
        .filter(reporting_periods::starts_on.ge(starts_on))
        .filter(reporting_periods::ends_on.le(ends_on))
        .count()
        .get_result(conn)?;
    Ok((quarters > 0).then(|| year_of_quarters(parsed.year)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> PeriodKey {
        PeriodKey::parse(text).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn keys_parse_and_print() {
        assert_eq!(key("2025-Q3"), PeriodKey { year: 2025, quarter: Some(3) });
        assert_eq!(key(" 2025-q1 ").to_string(), "2025-Q1");
        assert_eq!(key("2025"), PeriodKey { year: 2025, quarter: None });
        assert_eq!(key("2025").to_string(), "2025");
        assert_eq!(key("2025-Q1").previous(), key("2024-Q4"));
        assert_eq!(key("2025-Q3").previous(), key("2025-Q2"));
        assert_eq!(key("2025").previous(), key("2024"));
        assert_eq!(key("2025-Q3").year_earlier(), key("2024-Q3"));
        assert_eq!(PeriodKey::parse("2025-Q5"), Err(PeriodError::Quarter));
        assert_eq!(PeriodKey::parse("2025-Q0"), Err(PeriodError::Quarter));
        assert_eq!(PeriodKey::parse("25"), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse("2025-Q"), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse("2025-Q12"), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse("2025-3"), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse("+202"), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse(""), Err(PeriodError::Malformed));
        assert_eq!(PeriodKey::parse("1999"), Err(PeriodError::Year));
        assert!(PeriodError::Quarter.to_string().contains("1 to 4"), "{}", PeriodError::Quarter);
    }

    #[test]
    fn dates_of_quarters_and_years() {
        assert_eq!((key("2025-Q1").starts_on(), key("2025-Q1").ends_on()), (day(2025, 1, 1), day(2025, 3, 31)));
        assert_eq!((key("2024-Q1").starts_on(), key("2024-Q1").ends_on()), (day(2024, 1, 1), day(2024, 3, 31)));
        assert_eq!((key("2025-Q4").starts_on(), key("2025-Q4").ends_on()), (day(2025, 10, 1), day(2025, 12, 31)));
        assert_eq!((key("2025").starts_on(), key("2025").ends_on()), (day(2025, 1, 1), day(2025, 12, 31)));
        assert_eq!(new_dates(key("2025-Q2"), 30), (day(2025, 7, 1), day(2025, 7, 31)));
        assert_eq!(new_dates(key("2025"), 0), (day(2026, 1, 1), day(2026, 1, 1)));
    }

    #[test]
    fn ranges() {
        let quarters = PeriodKey::range(key("2025-Q1"), key("2026-Q4")).unwrap();
        assert_eq!(quarters.len(), 8);
        assert_eq!(quarters[4].to_string(), "2026-Q1");
        let years: Vec<String> =
            PeriodKey::range(key("2025"), key("2026")).unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(years, ["2025", "2026"]);
        assert_eq!(PeriodKey::range(key("2025-Q3"), key("2025-Q3")).unwrap().len(), 1);
        assert_eq!(PeriodKey::range(key("2025"), key("2026-Q1")), Err(PeriodError::MixedKinds));
        assert_eq!(PeriodKey::range(key("2026-Q1"), key("2025-Q4")), Err(PeriodError::Reversed));
        assert_eq!(PeriodKey::range(key("2000-Q1"), key("2100-Q4")), Err(PeriodError::TooMany));
    }

    #[test]
    fn the_shared_check_names_each_field() {
        let ok = validate_range("2025-Q1", "2025-Q4", "").unwrap();
        assert_eq!((ok.keys.len(), ok.due_days), (4, DEFAULT_DUE_DAYS));
        let fields = |r: Result<RangeRequest, Vec<FieldError>>| -> Vec<(String, &str)> {
            r.unwrap_err().into_iter().map(|e| (e.field, e.key)).collect()
        };
        assert_eq!(
            fields(validate_range("2025-Q5", "", "x")),
            [
                ("from".to_string(), "error-period-quarter"),
                ("to".to_string(), "error-required"),
                ("due_days".to_string(), "error-period-due-days"),
            ]
        );
        assert_eq!(fields(validate_range("2026", "2025", "30")), [("to".to_string(), "error-period-reversed")]);
        assert_eq!(fields(validate_range("2025", "2025", "-1")), [("due_days".to_string(), "error-period-due-days")]);
    }

    #[test]
    fn years_are_made_from_quarters() {
        let quarter = |k: &str| {
            let key = key(k);
            let (opens_on, due_on) = new_dates(key, 30);
            Period {
                id: 1,
                key: k.into(),
                kind: key.kind().as_str().into(),
                starts_on: key.starts_on(),
                ends_on: key.ends_on(),
                opens_on,
                due_on,
                created_at: NaiveDateTime::default(),
            }
        };
        let listed =
            with_years_of_quarters(vec![quarter("2025-Q1"), quarter("2025-Q2"), quarter("2026-Q1"), quarter("2026")]);
        let keys: Vec<&str> = listed.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["2025", "2025-Q1", "2025-Q2", "2026", "2026-Q1"]);
        assert_eq!(listed[0].id, -2025);
        assert_eq!(listed[3].id, 1, "a stored year is kept as it is");
        assert_eq!((listed[0].starts_on, listed[0].ends_on), (day(2025, 1, 1), day(2025, 12, 31)));
    }

    #[test]
    fn status_by_day() {
        let (opens_on, due_on) = new_dates(key("2026-Q3"), 30);
        let p = Period {
            id: 1,
            key: "2026-Q3".into(),
            kind: "quarter".into(),
            starts_on: key("2026-Q3").starts_on(),
            ends_on: key("2026-Q3").ends_on(),
            opens_on,
            due_on,
            created_at: NaiveDateTime::default(),
        };
        assert_eq!(p.status(day(2026, 9, 30), 90), Status::Upcoming);
        assert_eq!(p.status(day(2026, 10, 1), 90), Status::Open);
        assert_eq!(p.status(day(2026, 10, 31), 90), Status::Open);
        assert_eq!(p.status(day(2026, 11, 1), 90), Status::Overdue);
        assert_eq!(p.status(day(2027, 1, 29), 90), Status::Overdue);
        assert_eq!(p.status(day(2027, 1, 30), 90), Status::Closed);
        assert!(!Status::Closed.takes_figures() && !Status::Upcoming.takes_figures());
        assert!(Status::Open.takes_figures() && Status::Overdue.takes_figures());
    }
}
