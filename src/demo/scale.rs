//! `demo-data`: a catalogue and figures at scale, for benchmarks and load tests.
//!
//! Deterministic (the same sizes give the same data): approved WISEs whose names and
//! descriptions, and the titles and descriptions of their offerings, draw words from a
//! Zipf-like distribution over the [`VOCABULARY`] (words and their compounds), so a few occur almost everywhere and
//! most are rare, as in a real catalogue. The first `reporting` WISEs have accepted
//! figures for each of the last `periods` quarters (every ninth skipping one now and
//! then), written the way [`crate::figures::submissions::save`] writes them (submission,
//! revision, target groups, current figures) but without the history of events.
//! Optional buyers each have a weekly saved search, so a digest run has mail to send.
//!
//! Everything is written in one transaction with multi-row inserts.

use std::borrow::Cow;

use anyhow::{bail, Context as _};
use chrono::{Datelike, Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{
    current_figures, offerings, organisation_sectors, organisation_target_groups, organisations,
    revision_target_groups, saved_searches, submission_revisions, submissions, users,
};
use crate::db::{write_tx, DbConn};
use crate::figures::periods;
use crate::figures::submissions::{group_rows, NewCurrent, NewRevision, Source};
use crate::figures::values::Figures;
use crate::vocab;
use crate::web::auth::password;

/// The words texts are made of, most common first.
pub const WORDS: &[&str] = &[
    "werk",
    "service",
    "onderhoud",
    "schoonmaak",
    "catering",
    "levering",
    "reparatie",
    "fiets",
    "groen",
    "tuin",
    "kantoor",
    "drukwerk",
    "textiel",
    "montage",
    "logistiek",
    "post",
    "ict",
    "testen",
    "lunch",
    "brood",
    "koffie",
    "meubel",
    "hout",
    "metaal",
    "kringloop",
    "kleding",
    "naaiatelier",
    "verhuizing",
    "glazenwassen",
    "beveiliging",
    "recycling",
    "afval",
    "webdesign",
    "fotografie",
    "zorg",
    "dagbesteding",
    "bakkerij",
    "boeken",
    "archief",
    "digitalisering",
    "schilderwerk",
    "stucwerk",
    "tegelwerk",
    "elektra",
    "sanitair",
    "isolatie",
    "zonnepanelen",
    "fietsenstalling",
    "koerier",
    "inpakken",
    "etiketteren",
    "mailing",
    "kaarsen",
    "zeep",
    "keramiek",
    "sieraden",
    "tassen",
    "speelgoed",
    "evenementen",
    "vergaderzaal",
    "receptie",
    "parkeren",
    "wasserij",
    "strijken",
];

/// Municipalities of the generated WISEs.
pub const MUNICIPALITIES: &[&str] =
    &["Amsterdam", "Zaanstad", "Haarlem", "Amstelveen", "Diemen", "Purmerend", "Haarlemmermeer"];

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub organisations: usize,
    pub offerings: usize,
    /// Quarters of figures, ending with the last whole quarter before now.
    pub periods: u32,
    /// How many WISEs (the first ones) report figures.
    pub reporting: usize,
    /// Buyer accounts, each with a weekly saved search.
    pub buyers: usize,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    pub organisations: usize,
    pub offerings: usize,
    pub submissions: usize,
    pub buyers: usize,
}

/// How many words the generator draws from: the base words, then every compound of
/// two of them ("fietskoffie"), rarer the further down the list.
pub const VOCABULARY: usize = WORDS.len() * (WORDS.len() + 1);

/// The word of `rank` (0 is the most common): a base word for the first
/// `WORDS.len()` ranks, then the compounds, `WORDS[i / n]` followed by `WORDS[i % n]`.
pub fn word_of_rank(rank: usize) -> Cow<'static, str> {
    let n = WORDS.len();
    match rank.checked_sub(n) {
        None => Cow::Borrowed(WORDS[rank]),
        Some(i) => Cow::Owned(format!("{}{}", WORDS[(i / n) % n], WORDS[i % n])),
    }
}

/// A deterministic stream of words with a Zipf-like distribution over the
/// [`VOCABULARY`]: the word of rank r is picked with weight 1/(r+1), so the first few
/// occur almost everywhere and the compounds in the middle of the list in a few
/// percent of the WISEs.
pub struct Words {
    seed: u64,
    /// The running sums of the weights, for picking a rank by binary search.
    cumulative: Vec<f64>,
}

impl Words {
    pub fn new(seed: u64) -> Self {
        let cumulative = (1..=VOCABULARY)
            .scan(0.0, |sum, r| {
                *sum += 1.0 / r as f64;
                Some(*sum)
            })
            .collect();
        Self { seed, cumulative }
    }

    /// The next number of a 64-bit linear congruential generator.
    fn next(&mut self) -> u64 {
        self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.seed >> 11
    }

    pub fn word(&mut self) -> Cow<'static, str> {
        let total = self.cumulative[VOCABULARY - 1];
        let x = (self.next() as f64 / (1u64 << 53) as f64) * total;
        word_of_rank(self.cumulative.partition_point(|sum| *sum < x).min(VOCABULARY - 1))
    }

    /// `n` words separated by spaces.
    pub fn text(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }
}

/// The quarter keys from `count` quarters before the one `now` is in up to the one
/// before it, e.g. 2016-Q4..2026-Q3 for 40 quarters on 2026-11-23.
pub fn quarters(now: NaiveDateTime, count: u32) -> Vec<String> {
    let current = now.date().year() * 4 + (now.date().month0() / 3) as i32;
    (current - count as i32..current).map(|n| format!("{}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1)).collect()
}

/// Rows per multi-row insert: well below SQLite's limit of bound variables.
const CHUNK: usize = 1000;

/// Fills an empty database (no WISE yet) with generated data, in one transaction.
pub fn generate(conn: &mut DbConn, scale: &Scale, now: NaiveDateTime) -> anyhow::Result<Generated> {
    if scale.reporting > scale.organisations {
        bail!("--reporting ({}) cannot exceed --organisations ({})", scale.reporting, scale.organisations);
    }
    if scale.offerings > 0 && scale.organisations == 0 {
        bail!("--offerings needs at least one organisation to offer them");
    }
    // Hashing is slow on purpose; every generated buyer shares one hash.
    let hash = (scale.buyers > 0).then(|| password::hash_blocking(super::DEMO_PASSWORD));
    write_tx(conn, |conn| {
        if crate::organisation::store::has_organisations(conn)? {
            bail!("the database already holds WISEs; demo-data only fills an empty one");
        }
        let mut words = Words::new(42);
        let ids = add_organisations(conn, scale.organisations, &mut words, now)?;
        add_offerings(conn, &ids, scale.offerings, &mut words, now)?;
        let submissions = if scale.periods > 0 {
            let keys = quarters(now, scale.periods);
            let (first, last) = (&keys[0], &keys[keys.len() - 1]);
            let request = periods::validate_range(first, last, "30")
                .map_err(|e| anyhow::anyhow!("cannot make the periods {first}..{last}: {e:?}"))?;
            periods::create_range(conn, &request, now)?;
            // The years the quarters cover completely.
            let (first_year, last_year) = (first[..4].parse::<i32>()?, last[..4].parse::<i32>()?);
            let from = if first.ends_with("Q1") { first_year } else { first_year + 1 };
            let to = if last.ends_with("Q4") { last_year } else { last_year - 1 };
            if from <= to {
                let years = periods::validate_range(&from.to_string(), &to.to_string(), "30")
                    .map_err(|e| anyhow::anyhow!("cannot make the years {from}..{to}: {e:?}"))?;
                periods::create_range(conn, &years, now)?;
            }
            add_figures(conn, &ids[..scale.reporting], &keys)?
        } else {
            0
        };
        if let Some(hash) = &hash {
            add_buyers(conn, scale.buyers, hash, now)?;
        }
        Ok(Generated { organisations: ids.len(), offerings: scale.offerings, submissions, buyers: scale.buyers })
    })
}

fn add_organisations(conn: &mut DbConn, n: usize, words: &mut Words, now: NaiveDateTime) -> anyhow::Result<Vec<i32>> {
    let capitalised = |w: &str| w[..1].to_uppercase() + &w[1..];
    for chunk in (0..n).collect::<Vec<_>>().chunks(CHUNK / 2) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|i| {
                // Changed within the last 30 days, spread evenly.
                let updated = now - Duration::hours((*i as i64 * 7) % (30 * 24));
                (
                    organisations::slug.eq(format!("wise-{i}")),
                    organisations::kvk_number.eq(format!("{:08}", 10_000_000 + i)),
                    organisations::name.eq(format!("{} {} {i}", capitalised(&words.word()), words.word())),
                    organisations::municipality.eq(MUNICIPALITIES[i % MUNICIPALITIES.len()]),
                    organisations::description.eq(words.text(25)),
                    organisations::sena_member.eq(i % 3 == 0),
                    crate::organisation::public(),
                    organisations::created_at.eq(now - Duration::days(400)),
                    organisations::updated_at.eq(updated),
                )
            })
            .collect();
        crate::per_backend!(conn, c => diesel::insert_into(organisations::table).values(&rows).execute(c))?;
    }
    let ids: Vec<i32> = organisations::table.select(organisations::id).order(organisations::id).load(conn)?;
    for chunk in ids.chunks(CHUNK / 2) {
        let mut sectors = Vec::new();
        let mut groups = Vec::new();
        for (i, id) in chunk.iter().enumerate() {
            let n = *id as usize + i;
            let (s, g) = (vocab::SECTORS.len(), vocab::TARGET_GROUPS.len());
            let mut own_sectors = vec![vocab::SECTORS[n % s]];
            if n.is_multiple_of(4) {
                own_sectors.push(vocab::SECTORS[(n / 4 + 1 + n) % s]);
            }
            let mut own_groups = vec![vocab::TARGET_GROUPS[n % g]];
            if n.is_multiple_of(3) {
                own_groups.push(vocab::TARGET_GROUPS[(n + 1 + n / 3) % g]);
            }
            own_sectors.dedup();
            own_groups.dedup();
            for (position, sector) in own_sectors.into_iter().enumerate() {
                sectors.push((
                    organisation_sectors::organisation_id.eq(*id),
                    organisation_sectors::sector.eq(sector),
                    organisation_sectors::position.eq(position as i32),
                ));
            }
            for group in own_groups {
                groups.push((
                    organisation_target_groups::organisation_id.eq(*id),
                    organisation_target_groups::target_group.eq(group),
                ));
            }
        }
        crate::per_backend!(conn, c => diesel::insert_into(organisation_sectors::table).values(&sectors).execute(c))?;
        crate::per_backend!(conn, c => diesel::insert_into(organisation_target_groups::table).values(&groups).execute(c))?;
    }
    Ok(ids)
}

fn add_offerings(
    conn: &mut DbConn,
    ids: &[i32],
    n: usize,
    words: &mut Words,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    if n == 0 {
        return Ok(());
    }
    let codes: Vec<String> =
        crate::vocab::cpv::vocabulary().into_iter().filter(|c| c.level >= 4).map(|c| c.code).step_by(7).collect();
    for chunk in (0..n).collect::<Vec<_>>().chunks(CHUNK / 2) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|i| {
                let national = i % 10 == 0;
                (
                    offerings::organisation_id.eq(ids[i % ids.len()]),
                    offerings::title.eq(format!("{} {}", words.word(), words.word())),
                    offerings::description.eq(words.text(15)),
                    offerings::kind.eq(vocab::OFFERING_KINDS[i % vocab::OFFERING_KINDS.len()]),
                    offerings::cpv_code.eq(&codes[i % codes.len()]),
                    offerings::service_area.eq(if national { "national" } else { "radius" }),
                    offerings::service_radius_km.eq(if national { None } else { Some(25) }),
                    // One in twenty is paused.
                    offerings::active.eq(i % 20 != 7),
                    offerings::created_at.eq(now - Duration::days(300)),
                    offerings::updated_at.eq(now - Duration::hours((*i as i64 * 13) % (60 * 24))),
                )
            })
            .collect();
        crate::per_backend!(conn, c => diesel::insert_into(offerings::table).values(&rows).execute(c))?;
    }
    Ok(())
}

/// Accepted figures of each WISE for each quarter; returns the number of submissions.
fn add_figures(conn: &mut DbConn, ids: &[i32], keys: &[String]) -> anyhow::Result<usize> {
    let mut written = 0;
    for (q, key) in keys.iter().enumerate() {
        let period = periods::find(conn, key)?.with_context(|| format!("period {key} was just created"))?;
        let filed = NaiveDateTime::from(period.opens_on) + Duration::days(12);
        for chunk in ids.chunks(CHUNK / 2) {
            // Every ninth WISE skips a quarter now and then.
            let reporting: Vec<i32> =
                chunk.iter().copied().filter(|id| !(*id as usize + q).is_multiple_of(9)).collect();
            if reporting.is_empty() {
                continue;
            }
            let rows: Vec<_> = reporting
                .iter()
                .map(|id| {
                    (
                        submissions::organisation_id.eq(*id),
                        submissions::period_id.eq(period.id),
                        submissions::status.eq("accepted"),
                        submissions::created_at.eq(filed),
                        submissions::updated_at.eq(filed + Duration::days(3)),
                    )
                })
                .collect();
            let created: Vec<(i32, i32)> = crate::per_backend!(conn, c => diesel::insert_into(submissions::table)
                .values(&rows)
                .returning((submissions::id, submissions::organisation_id))
                .get_results(c))?;
            let figures: Vec<Figures> = created
                .iter()
                .map(|(_, org)| {
                    let n = i64::from((*org + q as i32) % 37);
                    let paid_target_group = 4 + n;
                    let g = vocab::TARGET_GROUPS.len();
                    Figures {
                        stocks: [paid_target_group, 2 + n % 5, n % 11, n % 7, n % 4],
                        flows: [1 + n % 6, n % 3, n % 4, n % 2, n % 3],
                        fte_target_group_hundredths: None,
                        turnover_eur: None,
                        target_groups: [
                            (vocab::TARGET_GROUPS[*org as usize % g].to_string(), paid_target_group / 2),
                            (vocab::TARGET_GROUPS[(*org as usize + 1) % g].to_string(), paid_target_group / 3),
                        ]
                        .into(),
                    }
                })
                .collect();
            let revisions: Vec<NewRevision> = created
                .iter()
                .zip(&figures)
                .map(|((sid, _), f)| NewRevision::new(*sid, 1, f, Source::Demo, None, filed))
                .collect();
            // Rows come back in no promised order: match them by submission.
            let revision_ids: std::collections::HashMap<i32, i32> =
                crate::per_backend!(conn, c => diesel::insert_into(submission_revisions::table)
                    .values(&revisions)
                    .returning((submission_revisions::submission_id, submission_revisions::id))
                    .get_results::<(i32, i32)>(c))?
                .into_iter()
                .collect();
            let groups: Vec<_> =
                created.iter().zip(&figures).flat_map(|((sid, _), f)| group_rows(revision_ids[sid], f)).collect();
            crate::per_backend!(conn, c => diesel::insert_into(revision_target_groups::table).values(&groups).execute(c))?;
            let current: Vec<NewCurrent> = created
                .iter()
                .zip(&figures)
                .map(|((sid, org), f)| NewCurrent::new(*sid, *org, period.id, true, f))
                .collect();
            crate::per_backend!(conn, c => diesel::insert_into(current_figures::table).values(&current).execute(c))?;
            written += created.len();
        }
    }
    Ok(written)
}

/// Buyers `inkoper-{i}@bench.wise-monitor.nl` (password [`super::DEMO_PASSWORD`]), each
/// with a weekly saved search for one sector, saved eight days ago.
fn add_buyers(conn: &mut DbConn, n: usize, hash: &str, now: NaiveDateTime) -> anyhow::Result<()> {
    let saved_at = now - Duration::days(8);
    for chunk in (0..n).collect::<Vec<_>>().chunks(CHUNK / 2) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|i| {
                (
                    users::email.eq(format!("inkoper-{i}@bench.wise-monitor.nl")),
                    users::name.eq(format!("Inkoper {i}")),
                    users::role.eq("buyer"),
                    users::language.eq(if i % 4 == 3 { "en" } else { "nl" }),
                    users::password_hash.eq(Some(hash)),
                    users::disabled.eq(false),
                    users::created_at.eq(saved_at),
                    users::updated_at.eq(saved_at),
                )
            })
            .collect();
        let user_ids: Vec<i32> = crate::per_backend!(conn, c => diesel::insert_into(users::table)
            .values(&rows)
            .returning(users::id)
            .get_results(c))?;
        let searches: Vec<_> = user_ids
            .iter()
            .zip(chunk)
            .map(|(user, i)| {
                let sector = vocab::SECTORS[i % vocab::SECTORS.len()];
                (
                    saved_searches::user_id.eq(*user),
                    saved_searches::name.eq(format!("Sector {sector}")),
                    saved_searches::query.eq(format!("sector={sector}")),
                    saved_searches::frequency.eq("weekly"),
                    saved_searches::created_at.eq(saved_at),
                    saved_searches::updated_at.eq(saved_at),
                )
            })
            .collect();
        crate::per_backend!(conn, c => diesel::insert_into(saved_searches::table).values(&searches).execute(c))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_deterministic_and_skewed() {
        let mut a = Words::new(7);
        let mut b = Words::new(7);
        let text: Vec<Cow<str>> = (0..100_000).map(|_| a.word()).collect();
        assert_eq!(text[..50], (0..50).map(|_| b.word()).collect::<Vec<_>>()[..]);
        let count = |w: &str| text.iter().filter(|t| *t == w).count();
        // Rank 1 against rank 64 and a compound of rank 200: weights 1, 1/64 and 1/200.
        assert!(count("werk") > 20 * count("strijken").max(1), "{} vs {}", count("werk"), count("strijken"));
        assert!(count("strijken") > 2 * count("onderhoudgroen").max(1), "{}", count("onderhoudgroen"));
        assert!(count("onderhoudgroen") > 0);
    }

    #[test]
    fn quarters_end_with_the_last_whole_one() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(12, 0, 0).unwrap();
        let q = quarters(now, 40);
        assert_eq!((q.len(), q[0].as_str(), q[39].as_str()), (40, "2016-Q4", "2026-Q3"));
        assert_eq!(quarters(now, 1), ["2026-Q3"]);
        assert!(quarters(now, 0).is_empty());
    }
}
