//! What a sector report counts (SPEC §2): approved WISEs only, the newest revision of
//! each submitted submission (the `current_figures` table), and for a year the
//! roll-up of its quarters — flows summed, stocks from the latest quarter the WISE
//! reported in the year.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{current_figures as cf, organisation_sectors, organisations, reporting_periods};
use crate::db::DbConn;
use crate::figures::periods::{self, Period};

/// Every measure of a report, in the order of SPEC §4: the five stocks, people
/// working and target-group people (target-group employees, trainees and daytime
/// participants: whom the `tg_*` breakdown divides), then the flows with onward moves
/// into paid jobs after its two parts.
pub const MEASURES: [&str; 13] = [
    "paid_target_group",
    "paid_regular",
    "trainees",
    "daytime_activities",
    "volunteers",
    "people_working",
    "target_group_people",
    "new_participants",
    "moved_to_paid_internal",
    "moved_to_paid_external",
    "moved_to_paid",
    "moved_to_education",
    "other_exits",
];

/// The stocks among [`MEASURES`] (the rest are flows).
pub const STOCK_COUNT: usize = 7;
/// Index of people working (the sum of the five stocks).
pub const PEOPLE_WORKING: usize = 5;
/// Index of target-group people (paid target group, trainees, daytime activities).
pub const TARGET_GROUP_PEOPLE: usize = 6;
/// Index of onward moves into paid jobs with another employer.
pub const MOVED_TO_PAID_EXTERNAL: usize = 9;
/// Index of onward moves into paid jobs (internal + external).
pub const MOVED_TO_PAID: usize = 10;

/// The derived measures and the measures they add up: (derived, parts).
pub fn derived() -> Vec<(usize, Vec<usize>)> {
    vec![(PEOPLE_WORKING, vec![0, 1, 2, 3, 4]), (TARGET_GROUP_PEOPLE, vec![0, 2, 3]), (MOVED_TO_PAID, vec![8, 9])]
}

/// The figures of one approved WISE over the report's period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WiseFigures {
    pub organisation_id: i32,
    /// Its first-listed (primary) sector.
    pub sector: String,
    pub municipality: String,
    /// In the order of [`MEASURES`].
    pub values: [i64; 13],
    /// The target-group breakdown of its latest stocks.
    pub target_groups: Vec<(String, i64)>,
    /// Whether its figures include a submission for the report's period itself: always
    /// for a quarter; for a year, a year submission in a yearly cadence (then its
    /// quarters are not rolled up).
    pub whole_period: bool,
}

/// Everything a report is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Collected {
    /// WISEs registered on the platform (any status but archived).
    pub registered: usize,
    /// Approved WISEs (reporting or not).
    pub approved: usize,
    /// The approved WISEs that reported in the period, by id.
    pub wises: Vec<WiseFigures>,
}

/// One stored row of figures: its period's end, whether it is the report's own
/// period, the ten stored counts (stocks then flows, as `values::STOCKS`/`FLOWS`) and
/// the encoded target groups.
#[derive(Debug, Clone)]
pub struct Row {
    pub organisation_id: i32,
    pub ends_on: NaiveDate,
    pub whole_period: bool,
    pub counts: [i64; 10],
    pub target_groups: String,
}

/// One WISE's rows in the range combined: the report's own period if it reported for
/// it as a whole, else flows summed and stocks (with the breakdown) from the latest.
pub fn combine(rows: &[&Row]) -> ([i64; 13], Vec<(String, i64)>) {
    let whole: Vec<&&Row> = rows.iter().filter(|r| r.whole_period).collect();
    let rows: Vec<&Row> = if whole.is_empty() { rows.to_vec() } else { whole.into_iter().copied().collect() };
    let latest = rows.iter().max_by_key(|r| r.ends_on).expect("at least one row");
    let mut values = [0i64; 13];
    values[..5].copy_from_slice(&latest.counts[..5]);
    values[PEOPLE_WORKING] = latest.counts[..5].iter().sum();
    values[TARGET_GROUP_PEOPLE] = latest.counts[0] + latest.counts[2] + latest.counts[3];
    for row in &rows {
        // new_participants, internal, external | education, other exits
        values[7] += row.counts[5];
        values[8] += row.counts[6];
        values[9] += row.counts[7];
        values[11] += row.counts[8];
        values[12] += row.counts[9];
    }
    values[MOVED_TO_PAID] = values[8] + values[9];
    (values, decode_groups(&latest.target_groups))
}

/// `group:people,group:people` → pairs (malformed pieces are skipped).
pub fn decode_groups(text: &str) -> Vec<(String, i64)> {
    text.split(',')
        .filter_map(|piece| {
            let (group, n) = piece.split_once(':')?;
            Some((group.to_string(), n.parse().ok()?))
        })
        .collect()
}

/// Reads what a report for `period` counts.
pub fn collect(conn: &mut DbConn, period: &Period) -> QueryResult<Collected> {
    Ok(collect_many(conn, std::slice::from_ref(period))?.pop().expect("one period in, one out"))
}

/// Reads what the reports for several periods count, with one query per table: the
/// approved WISEs and their sectors once, and the figures of every period the
/// reports cover (a quarter itself; a year itself and its quarters).
pub fn collect_many(conn: &mut DbConn, wanted: &[Period]) -> QueryResult<Vec<Collected>> {
    let registered: i64 = organisations::table.filter(organisations::status.ne("archived")).count().get_result(conn)?;
    let registered = usize::try_from(registered).unwrap_or(0);
    let approved: Vec<(i32, String)> = organisations::table
        .filter(crate::organisation::public())
        .select((organisations::id, organisations::municipality))
        .load(conn)?;
    let mut sectors: HashMap<i32, (i32, String)> = HashMap::new();
    let listed: Vec<(i32, String, i32)> = organisation_sectors::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .select((organisation_sectors::organisation_id, organisation_sectors::sector, organisation_sectors::position))
        .load(conn)?;
    for (id, sector, position) in listed {
        let entry = sectors.entry(id).or_insert((position, sector.clone()));
        if position < entry.0 {
            *entry = (position, sector);
        }
    }
    let all: Vec<(i32, NaiveDate, NaiveDate)> = reporting_periods::table
        .select((reporting_periods::id, reporting_periods::starts_on, reporting_periods::ends_on))
        .load(conn)?;
    let within =
        |p: &Period, starts_on: NaiveDate, ends_on: NaiveDate| starts_on >= p.starts_on && ends_on <= p.ends_on;
    let ids: Vec<i32> =
        all.iter().filter(|(_, s, e)| wanted.iter().any(|p| within(p, *s, *e))).map(|(id, _, _)| *id).collect();
    type Counts = (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32);
    let mut stored: Vec<(i32, i32, Counts, String)> = Vec::new();
    // Bounded batches keep every query under the backends' parameter limits.
    for chunk in ids.chunks(500) {
        stored.extend(
            cf::table
                .filter(cf::period_id.eq_any(chunk))
                .filter(cf::counted.eq(true))
                .select((
                    cf::organisation_id,
                    cf::period_id,
                    (
                        cf::paid_target_group,
                        cf::paid_regular,
                        cf::trainees,
                        cf::daytime_activities,
                        cf::volunteers,
                        cf::new_participants,
                        cf::moved_to_paid_internal,
                        cf::moved_to_paid_external,
                        cf::moved_to_education,
                        cf::other_exits,
                    ),
                    cf::target_groups,
                ))
                .load::<(i32, i32, Counts, String)>(conn)?,
        );
    }
    let municipalities: HashMap<i32, &str> = approved.iter().map(|(id, m)| (*id, m.as_str())).collect();
    // Only approved WISEs count.
    let mut by_period: HashMap<i32, Vec<&(i32, i32, Counts, String)>> = HashMap::new();
    for row in stored.iter().filter(|r| municipalities.contains_key(&r.0)) {
        by_period.entry(row.1).or_default().push(row);
    }
    Ok(wanted
        .iter()
        .map(|period| {
            let mut by_wise: BTreeMap<i32, Vec<Row>> = BTreeMap::new();
            let inside = all.iter().filter(|(_, s, e)| within(period, *s, *e));
            let rows =
                inside.flat_map(|(id, _, ends_on)| by_period.get(id).into_iter().flatten().map(move |r| (*ends_on, r)));
            for (ends_on, (organisation_id, period_id, c, target_groups)) in rows {
                by_wise.entry(*organisation_id).or_default().push(Row {
                    organisation_id: *organisation_id,
                    ends_on,
                    whole_period: *period_id == period.id,
                    counts: [c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7, c.8, c.9].map(i64::from),
                    target_groups: target_groups.clone(),
                });
            }
            let wises = by_wise
                .into_iter()
                .map(|(id, rows)| {
                    let refs: Vec<&Row> = rows.iter().collect();
                    let (values, target_groups) = combine(&refs);
                    let whole_period = rows.iter().any(|r| r.whole_period);
                    WiseFigures {
                        organisation_id: id,
                        sector: sectors.get(&id).map_or_else(|| "other".to_string(), |(_, s)| s.clone()),
                        municipality: municipalities.get(&id).map(|m| m.to_string()).unwrap_or_default(),
                        values,
                        target_groups,
                        whole_period,
                    }
                })
                .collect();
            Collected { registered, approved: approved.len(), wises }
        })
        .collect())
}

/// Every period that has figures a report counts (submitted figures of an approved
/// WISE, for the period itself or a period inside it), earliest first; years of
/// quarters with figures are among them whether or not a year period was made.
pub fn periods_with_figures(conn: &mut DbConn) -> QueryResult<Vec<Period>> {
    let filed: Vec<i32> = cf::table
        .inner_join(organisations::table)
        .filter(cf::counted.eq(true))
        .filter(crate::organisation::public())
        .select(cf::period_id)
        .distinct()
        .load(conn)?;
    let all = periods::list_for_reports(conn)?;
    let filed: Vec<&Period> = all.iter().filter(|p| filed.contains(&p.id)).collect();
    Ok(all.iter().filter(|p| filed.iter().any(|f| p.contains(f))).cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(month: u32, whole: bool, counts: [i64; 10], groups: &str) -> Row {
        Row {
            organisation_id: 1,
            ends_on: NaiveDate::from_ymd_opt(2025, month, 28).unwrap(),
            whole_period: whole,
            counts,
            target_groups: groups.into(),
        }
    }

    #[test]
    fn a_year_sums_flows_and_takes_the_latest_stocks() {
        let q1 = row(3, false, [10, 2, 3, 0, 1, 4, 1, 2, 0, 1], "mental_health:5");
        let q3 = row(9, false, [12, 2, 4, 1, 1, 3, 0, 1, 1, 0], "mental_health:6,refugee_background:2");
        // Q4 is missing: Q3's stocks count.
        let (values, groups) = combine(&[&q1, &q3]);
        assert_eq!(values, [12, 2, 4, 1, 1, 20, 17, 7, 1, 3, 4, 1, 1]);
        assert_eq!(groups, [("mental_health".to_string(), 6), ("refugee_background".to_string(), 2)]);
    }

    #[test]
    fn a_whole_year_submission_is_taken_as_it_is() {
        let q1 = row(3, false, [10, 2, 3, 0, 1, 4, 1, 2, 0, 1], "");
        let year = row(12, true, [11, 1, 1, 1, 1, 9, 2, 2, 2, 2], "");
        let (values, _) = combine(&[&q1, &year]);
        assert_eq!(values, [11, 1, 1, 1, 1, 15, 13, 9, 2, 2, 4, 2, 2]);
    }

    #[test]
    fn groups_decode_leniently() {
        assert_eq!(decode_groups(""), []);
        assert_eq!(decode_groups("a:1,b:x,c:3"), [("a".to_string(), 1), ("c".to_string(), 3)]);
    }
}
