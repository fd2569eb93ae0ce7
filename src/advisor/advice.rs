//! The advice for a planned purchase: which WISEs could take a reserved contract for
//! it, how big they are together, and what to do — reserve the whole contract, reserve
//! a lot, use a social-return clause, or post a need first. The eligible WISEs are
//! exactly those the catalogue search finds with the same filters (the CPV branch, the
//! kind, the municipality, `reserved=true`), so the two always agree.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::QueryResult;
use serde::Serialize;

use super::model::Purchase;
use crate::catalogue::eligibility;
use crate::catalogue::search::{self, Search};
use crate::config::{AdvisorConfig, DisclosureConfig};
use crate::db::versioned::Caches;
use crate::db::DbConn;
use crate::vocab::cpv;

/// What the advisor recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// Reserve the whole contract for WISEs (Aanbestedingswet art. 2.82).
    ReserveWhole,
    /// Reserve a lot of it, of the size `lot_eur`.
    ReserveLot,
    /// Put a social-return clause in the contract.
    SocialReturn,
    /// Post a need first, to find out who can deliver.
    PostNeed,
}

impl Recommendation {
    pub fn code(self) -> &'static str {
        match self {
            Self::ReserveWhole => "reserve_whole",
            Self::ReserveLot => "reserve_lot",
            Self::SocialReturn => "social_return",
            Self::PostNeed => "post_need",
        }
    }
}

/// An eligible WISE, as the catalogue shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct EligibleWise {
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub municipality: String,
    /// Its certificates that count today (verified and current): `pso`, `cso`, `sena`.
    pub certifications: Vec<&'static str>,
}

/// A sum over the eligible WISEs: exact when enough WISEs make it and none dominates it
/// (the disclosure thresholds of the reports), otherwise only its band.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Sum {
    /// The exact sum; `null` when only its band may be shown (or nothing is known).
    pub value: Option<i64>,
    /// Its band (`1_9`, `10_49`, `50_249`, `250_plus` people; `under_100k`, `100k_1m`,
    /// `1m_10m`, `10m_plus` euros) when the exact sum is not shown.
    pub band: Option<String>,
    /// How many WISEs it adds up (those whose figures report it).
    pub wises: usize,
}

/// One reason for the recommendation: a translation key with its values.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Reason {
    /// `advisor-reason-…`.
    pub key: &'static str,
    #[schema(value_type = Object)]
    pub values: BTreeMap<&'static str, i64>,
    /// The reason in the asker's language.
    pub text: String,
}

/// The advice for one purchase.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Advice {
    pub purchase: Purchase,
    /// The CPV branches searched: each code's first `branch_digits` significant digits.
    pub branches: Vec<String>,
    /// The WISEs that could take a reserved contract: the reserved-contract badge, an
    /// active offering in a branch (of the kind), serving the municipality.
    pub eligible: Vec<EligibleWise>,
    pub eligible_count: usize,
    /// How many of them hold a certificate that counts for the city's social-return
    /// valuation (a PSO level, the Code Sociale Ondernemingen, Social Enterprise NL),
    /// verified by the operator and current.
    pub certified_count: usize,
    /// People working at them (latest accepted figures).
    pub people_working: Sum,
    /// Their combined turnover per year (latest accepted figures).
    pub yearly_turnover_eur: Sum,
    pub yearly_budget_eur: i64,
    /// The yearly budget as a percentage of their combined yearly turnover (rounded up);
    /// `null` when the turnover is only shown as a band or unknown.
    pub budget_share_pct: Option<i64>,
    /// Whether the yearly budget is within `whole_max_share_pct` of their turnover;
    /// `null` when no turnover is known.
    pub within_capacity: Option<bool>,
    pub recommendation: Recommendation,
    /// With `reserve_lot`: the lot's size in euros over the contract's duration.
    pub lot_eur: Option<i64>,
    pub reasons: Vec<Reason>,
    /// The catalogue search for the same WISEs (the first branch).
    pub search_url: String,
    /// The need form filled in with this purchase.
    pub need_url: String,
}

/// The totals of a calendar (the city's view): how many purchases and euros could be
/// reserved.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Totals {
    pub purchases: usize,
    pub budget_eur: i64,
    /// Purchases that could be reserved whole or in a lot, and their euros (a lot
    /// counts for its size).
    pub reservable_purchases: usize,
    pub reservable_eur: i64,
    /// Per recommendation: how many purchases and their budget.
    pub by_recommendation: Vec<RecommendationTotal>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct RecommendationTotal {
    pub recommendation: Recommendation,
    pub purchases: usize,
    pub budget_eur: i64,
}

/// The branch of a code: its significant prefix (`45000000` → `45`), at most
/// `digits` long.
pub fn branch(code: &str, digits: usize) -> String {
    let prefix = cpv::prefix(code);
    prefix[..prefix.len().min(digits)].to_string()
}

/// The catalogue search that finds a purchase's eligible WISEs in one branch.
pub fn search_for(purchase: &Purchase, branch: &str) -> Search {
    Search {
        cpv: Some(branch.to_string()),
        kind: purchase.kind.clone(),
        municipality: Some(purchase.municipality.clone()),
        reserved: true,
        sort: "name".into(),
        page: 1,
        per_page: u32::MAX / 2,
        ..Search::default()
    }
}

/// What the thresholds say, with the sums they rest on.
struct Inputs {
    count: usize,
    yearly_turnover: Option<i64>,
    turnover_wises: usize,
    /// Of `count`, those with a verified, current certificate.
    certified: usize,
}

/// The advice for each purchase, in their order. `text` translates a reason.
pub fn advise(
    conn: &mut DbConn,
    caches: &Caches,
    today: NaiveDate,
    config: (&AdvisorConfig, &DisclosureConfig),
    purchases: Vec<Purchase>,
    text: &dyn Fn(&'static str, &BTreeMap<&'static str, i64>) -> String,
) -> QueryResult<Vec<Advice>> {
    let (advisor, disclosure) = config;
    let mut out = Vec::with_capacity(purchases.len());
    let mut memo: HashMap<(String, Option<String>, String), Vec<search::Hit>> = HashMap::new();
    for purchase in purchases {
        let mut branches: Vec<String> = Vec::new();
        for b in purchase.cpv_codes.iter().map(|c| branch(c, advisor.branch_digits)) {
            if !branches.contains(&b) {
                branches.push(b);
            }
        }
        // Every WISE any branch's search finds, once, by name.
        let mut found: BTreeMap<(String, i32), EligibleWise> = BTreeMap::new();
        for b in &branches {
            // A calendar asks the same search for many purchases: run each once.
            let key = (b.clone(), purchase.kind.clone(), crate::validation::fold(&purchase.municipality));
            if !memo.contains_key(&key) {
                let items = search::search(conn, caches, &search_for(&purchase, b), today)?.items;
                memo.insert(key.clone(), items);
            }
            for hit in memo[&key].iter().cloned() {
                let s = hit.summary;
                let wise = EligibleWise {
                    kvk_number: s.kvk_number,
                    name: s.name.clone(),
                    slug: s.slug,
                    municipality: s.municipality,
                    certifications: Vec::new(),
                };
                found.insert((crate::validation::fold(&s.name), s.id), wise);
            }
        }
        let ids: Vec<i32> = found.keys().map(|(_, id)| *id).collect();
        let labels = crate::vocab::CERTIFICATION_FILTERS;
        let mut held = crate::organisation::certificates::counting_on(conn, Some(&ids), today, labels)?;
        for ((_, id), wise) in found.iter_mut() {
            wise.certifications = held.remove(id).unwrap_or_default();
        }
        let certified_count = found.values().filter(|w| !w.certifications.is_empty()).count();
        let latest = eligibility::latest_among(conn, &ids)?;
        let people: Vec<i64> = latest.values().map(|l| l.people_working).collect();
        let turnovers: Vec<i64> = latest.values().filter_map(|l| l.yearly_turnover_eur).collect();
        let people_working = sum(&people, disclosure, PEOPLE_BANDS);
        let yearly_turnover_eur = sum(&turnovers, disclosure, EURO_BANDS);
        // The recommendation rests on the turnover as it may be shown: the exact sum, or
        // the lower bound of its band. So no answer, nor a row of answers to budgets
        // probing the threshold, tells more about the WISEs than the band does.
        let inputs = Inputs {
            count: found.len(),
            yearly_turnover: yearly_turnover_eur.value.or_else(|| yearly_turnover_eur.band.as_deref().map(band_floor)),
            turnover_wises: turnovers.len(),
            certified: certified_count,
        };
        let (recommendation, lot_eur, within, keys) = recommend(&purchase, &inputs, advisor);
        let yearly_budget_eur = purchase.yearly_budget_eur();
        let budget_share_pct = match (yearly_turnover_eur.value, inputs.yearly_turnover) {
            (Some(_), Some(t)) if t > 0 => Some(yearly_budget_eur.saturating_mul(100).saturating_add(t - 1) / t),
            _ => None,
        };
        let reasons = keys
            .into_iter()
            .map(|(key, values)| {
                let values: BTreeMap<&'static str, i64> = values.into_iter().collect();
                Reason { key, text: text(key, &values), values }
            })
            .collect();
        let search_url = search_url(&purchase, branches.first().map_or("", String::as_str));
        let need_url = need_url(&purchase);
        out.push(Advice {
            branches,
            eligible_count: found.len(),
            certified_count,
            eligible: found.into_values().collect(),
            people_working,
            yearly_turnover_eur,
            yearly_budget_eur,
            budget_share_pct,
            within_capacity: within,
            recommendation,
            lot_eur,
            reasons,
            search_url,
            need_url,
            purchase,
        });
    }
    Ok(out)
}

type Keys = Vec<(&'static str, Vec<(&'static str, i64)>)>;

/// The recommendation by the thresholds of `[advisor]`, the lot's size, whether the
/// budget fits the WISEs' turnover, and the reasons (keys with their values).
fn recommend(
    purchase: &Purchase,
    inputs: &Inputs,
    config: &AdvisorConfig,
) -> (Recommendation, Option<i64>, Option<bool>, Keys) {
    let mut reasons: Keys = Vec::new();
    let count = inputs.count as i64;
    let max_pct = i64::from(config.whole_max_share_pct);
    let yearly = purchase.yearly_budget_eur();
    let within = inputs.yearly_turnover.map(|t| yearly.saturating_mul(100) <= max_pct.saturating_mul(t));
    if inputs.count == 0 {
        reasons.push(("advisor-reason-none", vec![]));
    } else {
        reasons.push(("advisor-reason-count", vec![("count", count), ("min", config.whole_min_wises as i64)]));
        match within {
            Some(true) => reasons.push(("advisor-reason-within", vec![("max", max_pct)])),
            Some(false) => reasons.push(("advisor-reason-over", vec![("max", max_pct)])),
            None => reasons.push(("advisor-reason-no-turnover", vec![])),
        }
    }
    if inputs.count >= config.whole_min_wises && within == Some(true) {
        return (Recommendation::ReserveWhole, None, within, reasons);
    }
    if inputs.turnover_wises >= config.lot_min_wises {
        let turnover = inputs.yearly_turnover.unwrap_or(0);
        // The share of their turnover over the contract's duration, in whole thousands.
        let fits = (turnover.saturating_mul(max_pct) / 100).saturating_mul(purchase.duration_months) / 12;
        let lot = (fits.min(purchase.budget_eur) / 1000) * 1000;
        if lot > 0 {
            reasons.push(("advisor-reason-lot", vec![("lot", lot), ("wises", inputs.turnover_wises as i64)]));
            return (Recommendation::ReserveLot, Some(lot), within, reasons);
        }
    }
    if inputs.count > 0 && purchase.budget_eur >= config.social_return_min_budget_eur {
        reasons.push(("advisor-reason-social-return", vec![("min_eur", config.social_return_min_budget_eur)]));
        reasons.push(("advisor-reason-certified", vec![("certified", inputs.certified as i64), ("count", count)]));
        return (Recommendation::SocialReturn, None, within, reasons);
    }
    reasons.push(("advisor-reason-post-need", vec![]));
    (Recommendation::PostNeed, None, within, reasons)
}

const PEOPLE_BANDS: &[(i64, &str)] = &[(10, "1_9"), (50, "10_49"), (250, "50_249"), (i64::MAX, "250_plus")];
const EURO_BANDS: &[(i64, &str)] =
    &[(100_000, "under_100k"), (1_000_000, "100k_1m"), (10_000_000, "1m_10m"), (i64::MAX, "10m_plus")];

/// The smallest amount of a euro band.
fn band_floor(band: &str) -> i64 {
    let mut floor = 0;
    for (below, name) in EURO_BANDS {
        if *name == band {
            return floor;
        }
        floor = *below;
    }
    floor
}

/// The sum of `values` (one per WISE): exact when at least `min_organisations` WISEs
/// make it and none has more than `max_share_pct` of it, else its band.
fn sum(values: &[i64], disclosure: &DisclosureConfig, bands: &[(i64, &str)]) -> Sum {
    let total: i64 = values.iter().fold(0i64, |a, v| a.saturating_add(*v));
    let wises = values.len();
    if wises == 0 {
        return Sum { value: None, band: None, wises };
    }
    let largest = values.iter().copied().max().unwrap_or(0);
    let safe = wises >= disclosure.min_organisations as usize
        && largest.saturating_mul(100) <= i64::from(disclosure.max_share_pct).saturating_mul(total);
    if safe {
        Sum { value: Some(total), band: None, wises }
    } else {
        let band = bands.iter().find(|(below, _)| total < *below).map_or(bands[bands.len() - 1].1, |(_, b)| b);
        Sum { value: None, band: Some(band.to_string()), wises }
    }
}

/// The catalogue search page of a purchase's eligible WISEs in `branch`.
fn search_url(purchase: &Purchase, branch: &str) -> String {
    let params = search::SearchParams {
        cpv: Some(branch.to_string()),
        kind: purchase.kind.clone(),
        municipality: Some(purchase.municipality.clone()),
        reserved: Some("true".into()),
        ..Default::default()
    };
    format!("/organisations?{}", crate::catalogue::view::query_string(&params, None))
}

/// The need form, filled in with the purchase.
fn need_url(purchase: &Purchase) -> String {
    let codes = purchase.cpv_codes.join(" ");
    let budget = purchase.budget_eur.to_string();
    let query = [
        ("title", purchase.title.as_str()),
        ("cpv_codes", &codes),
        ("offering_kind", purchase.kind.as_deref().unwrap_or("")),
        ("location", "municipality"),
        ("municipality", &purchase.municipality),
        ("amount_band", "exact"),
        ("amount_eur", &budget),
    ];
    format!("/needs/new?{}", encode(&query))
}

fn encode(pairs: &[(&str, &str)]) -> String {
    serde_html_form::to_string(pairs).unwrap_or_default()
}

/// The totals of a calendar's advice.
pub fn totals(advice: &[Advice]) -> Totals {
    let mut by: HashMap<Recommendation, (usize, i64)> = HashMap::new();
    let mut t = Totals { purchases: advice.len(), ..Totals::default() };
    for a in advice {
        t.budget_eur += a.purchase.budget_eur;
        let entry = by.entry(a.recommendation).or_default();
        entry.0 += 1;
        entry.1 += a.purchase.budget_eur;
        match a.recommendation {
            Recommendation::ReserveWhole => {
                (t.reservable_purchases, t.reservable_eur) =
                    (t.reservable_purchases + 1, t.reservable_eur + a.purchase.budget_eur)
            }
            Recommendation::ReserveLot => {
                (t.reservable_purchases, t.reservable_eur) =
                    (t.reservable_purchases + 1, t.reservable_eur + a.lot_eur.unwrap_or(0))
            }
            _ => {}
        }
    }
    t.by_recommendation = [
        Recommendation::ReserveWhole,
        Recommendation::ReserveLot,
        Recommendation::SocialReturn,
        Recommendation::PostNeed,
    ]
    .into_iter()
    .map(|r| {
        let (purchases, budget_eur) = by.get(&r).copied().unwrap_or_default();
        RecommendationTotal { recommendation: r, purchases, budget_eur }
    })
    .collect();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> AdvisorConfig {
        crate::config::Config::defaults().advisor
    }

    fn purchase(budget: i64, months: i64) -> Purchase {
        Purchase {
            line: 2,
            title: "Schoonmaak".into(),
            cpv_codes: vec!["90911200".into()],
            kind: Some("service".into()),
            municipality: "Amsterdam".into(),
            budget_eur: budget,
            duration_months: months,
        }
    }

    #[test]
    fn branches_are_the_significant_digits_up_to_the_configured_length() {
        assert_eq!(branch("90911200", 3), "909");
        assert_eq!(branch("45000000", 3), "45");
        assert_eq!(branch("55520000", 8), "5552");
    }

    #[test]
    fn the_thresholds_decide_the_recommendation() {
        let c = config();
        let inputs = |count, turnover: Option<i64>, wises| Inputs {
            count,
            yearly_turnover: turnover,
            turnover_wises: wises,
            certified: 0,
        };
        // 3 WISEs, €100,000 a year against €1,000,000 of turnover: 10 % ≤ 30 %.
        let (r, lot, within, _) = recommend(&purchase(200_000, 24), &inputs(3, Some(1_000_000), 3), &c);
        assert_eq!((r, lot, within), (Recommendation::ReserveWhole, None, Some(true)));
        // Too big for them: a lot of 30 % of their turnover over the two years.
        let (r, lot, within, _) = recommend(&purchase(2_000_000, 24), &inputs(3, Some(1_000_000), 3), &c);
        assert_eq!((r, lot, within), (Recommendation::ReserveLot, Some(600_000), Some(false)));
        // Two WISEs that fit are not enough for the whole contract: a lot of the whole budget.
        let (r, lot, _, _) = recommend(&purchase(100_000, 12), &inputs(2, Some(1_000_000), 2), &c);
        assert_eq!((r, lot), (Recommendation::ReserveLot, Some(100_000)));
        // One WISE, or none, or no turnover: a social-return clause for a large budget, else a need.
        assert_eq!(recommend(&purchase(80_000, 12), &inputs(1, Some(900_000), 1), &c).0, Recommendation::SocialReturn);
        assert_eq!(recommend(&purchase(20_000, 12), &inputs(0, None, 0), &c).0, Recommendation::PostNeed);
        assert_eq!(recommend(&purchase(900_000, 12), &inputs(0, None, 0), &c).0, Recommendation::PostNeed);
        let (r, _, within, reasons) = recommend(&purchase(20_000, 12), &inputs(4, None, 0), &c);
        assert_eq!((r, within), (Recommendation::PostNeed, None));
        assert!(reasons.iter().any(|(k, _)| *k == "advisor-reason-no-turnover"));
    }

    #[test]
    fn a_band_s_floor_is_its_smallest_amount() {
        assert_eq!(band_floor("under_100k"), 0);
        assert_eq!(band_floor("100k_1m"), 100_000);
        assert_eq!(band_floor("10m_plus"), 10_000_000);
    }

    #[test]
    fn sums_of_fewer_than_three_or_a_dominant_wise_are_bands() {
        let d = crate::config::Config::defaults().disclosure;
        assert_eq!(sum(&[5, 6, 7], &d, PEOPLE_BANDS).value, Some(18));
        let two = sum(&[5, 6], &d, PEOPLE_BANDS);
        assert_eq!((two.value, two.band.as_deref()), (None, Some("10_49")));
        let dominant = sum(&[1, 1, 100], &d, PEOPLE_BANDS);
        assert_eq!((dominant.value, dominant.band.as_deref()), (None, Some("50_249")));
        assert_eq!(sum(&[], &d, EURO_BANDS).band, None);
    }
}
