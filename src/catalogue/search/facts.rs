//! What a search filters on and matches words in: the facts of every approved WISE,
//! loaded once per facts version and day and then updated per WISE from the change feed.

use super::*;

/// What filtering needs to know of one approved WISE.
#[derive(Debug, Default)]
pub(super) struct Facts {
    pub(super) name_key: String,
    pub(super) updated_at: Option<NaiveDateTime>,
    pub(super) sectors: Vec<String>,
    pub(super) target_groups: Vec<String>,
    pub(super) kinds: HashSet<String>,
    pub(super) cpv_codes: HashSet<String>,
    /// The CPV divisions (two digits) of `cpv_codes`, once each: the CPV facet without
    /// a CPV filter.
    pub(super) cpv_divisions: Vec<String>,
    /// Municipalities served (folded): its own, those its offerings list, and those
    /// within the radius of one (`organisation::offerings::serves`).
    pub(super) municipalities: HashSet<String>,
    /// The same as written (trimmed), each spelling once: the municipality facet's names.
    pub(super) written: Vec<String>,
    pub(super) national: bool,
    pub(super) certifications: Vec<&'static str>,
    pub(super) reserved_contract: Option<ReservedContract>,
    /// The words of its text and of its active offerings ([`text_matches`]).
    pub(super) words: Words,
}

impl Facts {
    pub(super) fn eligible(&self) -> bool {
        self.reserved_contract.as_ref().is_some_and(|r| r.eligible)
    }
}

#[derive(QueryableByName)]
pub(super) struct Scored {
    #[diesel(sql_type = Integer)]
    pub(super) id: i32,
    #[diesel(sql_type = Double)]
    pub(super) score: f64,
}

/// The facts of the approved WISEs among `only` (all of them with `None`), by id: the
/// same queries either way, narrowed to the WISEs that changed when the change feed
/// tells which ([`snapshot`]).
pub(super) fn load_facts(
    conn: &mut DbConn,
    today: NaiveDate,
    only: Option<&[i32]>,
    vocabulary: &mut Arc<Vocabulary>,
) -> QueryResult<BTreeMap<i32, Facts>> {
    let mut facts: BTreeMap<i32, Facts> = BTreeMap::new();
    type OrgRow = (i32, String, String, String, NaiveDateTime);
    let mut q = organisations::table
        .filter(crate::organisation::public())
        .select((
            organisations::id,
            organisations::name,
            organisations::description,
            organisations::municipality,
            organisations::updated_at,
        ))
        .into_boxed();
    if let Some(ids) = only {
        q = q.filter(organisations::id.eq_any(ids));
    }
    let labels = crate::vocab::CERTIFICATION_FILTERS;
    let mut held = crate::organisation::certificates::counting_on(conn, only, today, labels)?;
    for (id, name, description, municipality, updated) in q.load::<OrgRow>(conn)? {
        let certifications = held.remove(&id).unwrap_or_default();
        let written = municipality.trim().to_string();
        facts.insert(
            id,
            Facts {
                name_key: fold(&name),
                updated_at: Some(updated),
                municipalities: HashSet::from([fold(&written)]),
                written: vec![written],
                certifications,
                words: Words::new(vocabulary, &name, &description),
                ..Default::default()
            },
        );
    }
    let verdicts = match only {
        Some(ids) => eligibility::for_approved_among(conn, ids)?,
        None => eligibility::for_approved(conn)?,
    };
    for (id, verdict) in verdicts {
        if let Some(f) = facts.get_mut(&id) {
            f.reserved_contract = Some(verdict);
        }
    }

    let mut sq = organisation_sectors::table
        .order((organisation_sectors::organisation_id, organisation_sectors::position))
        .select((organisation_sectors::organisation_id, organisation_sectors::sector))
        .into_boxed();
    let mut tq = organisation_target_groups::table
        .select((organisation_target_groups::organisation_id, organisation_target_groups::target_group))
        .into_boxed();
    let mut oq = offerings::table
        .filter(offerings::active.eq(true))
        .select((
            offerings::organisation_id,
            offerings::kind,
            offerings::cpv_code,
            offerings::service_area,
            offerings::service_radius_km,
            offerings::updated_at,
            offerings::title,
            offerings::description,
        ))
        .into_boxed();
    let mut mq = offering_municipalities::table
        .inner_join(offerings::table)
        .filter(offerings::active.eq(true))
        .select((offerings::organisation_id, offering_municipalities::municipality))
        .into_boxed();
    if let Some(ids) = only {
        sq = sq.filter(organisation_sectors::organisation_id.eq_any(ids));
        tq = tq.filter(organisation_target_groups::organisation_id.eq_any(ids));
        oq = oq.filter(offerings::organisation_id.eq_any(ids));
        mq = mq.filter(offerings::organisation_id.eq_any(ids));
    }
    for (id, sector) in sq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.sectors.push(sector);
        }
    }
    for (id, group) in tq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.target_groups.push(group);
        }
    }
    type OfferingRow = (i32, String, String, String, Option<i32>, NaiveDateTime, String, String);
    // The largest radius of each WISE's offerings with one.
    let mut radius: BTreeMap<i32, i32> = BTreeMap::new();
    for (id, kind, code, area, km, updated, title, description) in oq.load::<OfferingRow>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            if let (true, Some(km)) = (area == "radius", km) {
                let largest = radius.entry(id).or_insert(km);
                *largest = (*largest).max(km);
            }
            f.words.add_offering(vocabulary, &title, &description);
            f.kinds.insert(kind);
            f.cpv_codes.insert(code);
            f.national |= area == "national";
            f.updated_at = f.updated_at.max(Some(updated));
        }
    }
    let serve = |f: &mut Facts, municipality: &str| {
        let written = municipality.trim().to_string();
        if f.municipalities.insert(fold(&written)) || !f.written.contains(&written) {
            f.written.push(written);
        }
    };
    for (id, municipality) in mq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            serve(f, &municipality);
        }
    }
    if !radius.is_empty() {
        let places = crate::geography::store::gazetteer(conn)?;
        for (id, km) in radius {
            let Some(f) = facts.get_mut(&id) else { continue };
            let own = f.written[0].clone();
            for m in places.all() {
                if crate::organisation::offerings::serves("radius", Some(km), &[], &own, &m.name, &places) {
                    serve(f, &m.name);
                }
            }
        }
    }
    for f in facts.values_mut() {
        f.cpv_divisions = f.cpv_codes.iter().map(|c| c[..2].to_string()).collect();
        f.cpv_divisions.sort_unstable();
        f.cpv_divisions.dedup();
    }
    Ok(facts)
}

/// The facts of every approved WISE as of one facts version and day.
pub struct Snapshot {
    pub(super) facts: BTreeMap<i32, Arc<Facts>>,
    /// For each folded municipality name, the name as written (the first in sort order,
    /// so both backends agree).
    pub(super) names: BTreeMap<String, String>,
    /// The words of the WISEs' text.
    pub(super) vocabulary: Arc<Vocabulary>,
}

impl Snapshot {
    pub(super) fn of(facts: BTreeMap<i32, Arc<Facts>>, vocabulary: Arc<Vocabulary>) -> Self {
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for written in facts.values().flat_map(|f| &f.written) {
            let folded = fold(written);
            match names.get_mut(&folded) {
                Some(first) if *written < *first => written.clone_into(first),
                Some(_) => {}
                None => {
                    names.insert(folded, written.clone());
                }
            }
        }
        Self { facts, names, vocabulary }
    }
}

/// What [`load_facts`] reads: the approved WISEs, their certificates, sectors, target groups and active
/// offerings with where they deliver, and (for reserved-contract eligibility) their
/// accepted figures.
pub(super) const FACT_TABLES: &[&str] = &[
    "organisations",
    "certificates",
    "organisation_sectors",
    "organisation_target_groups",
    "offerings",
    "offering_municipalities",
    "reporting_periods",
    "submissions",
    "submission_revisions",
];

/// Where the words [`text_matches`] finds come from: the WISEs' and offerings' text.
pub(super) const TEXT_TABLES: &[&str] = &["organisations", "offerings"];

/// Beyond this share of the WISEs changed, loading all of them again is as quick.
const RELOAD_SHARE: usize = 4;

/// The facts of the approved WISEs, from memory while they are unchanged; after a
/// change only the WISEs the change feed names are loaded again (see [`versioned`]).
pub(super) fn snapshot(conn: &mut DbConn, caches: &SearchCaches, today: NaiveDate) -> QueryResult<Arc<Snapshot>> {
    caches.snapshots.get_or_update(conn, today, |c, previous| {
        let (facts, vocabulary) = match previous {
            Some((old, changed)) if changed.len() <= old.facts.len() / RELOAD_SHARE => {
                let (mut facts, mut vocabulary) = (old.facts.clone(), Arc::clone(&old.vocabulary));
                for chunk in changed.chunks(1_000) {
                    for id in chunk {
                        facts.remove(id);
                    }
                    let loaded = load_facts(c, today, Some(chunk), &mut vocabulary)?;
                    facts.extend(loaded.into_iter().map(|(id, f)| (id, Arc::new(f))));
                }
                (facts, vocabulary)
            }
            _ => {
                let mut vocabulary = Arc::default();
                let facts = load_facts(c, today, None, &mut vocabulary)?;
                (facts.into_iter().map(|(id, f)| (id, Arc::new(f))).collect(), vocabulary)
            }
        };
        Ok(Snapshot::of(facts, vocabulary))
    })
}

/// The filters, each a test on a WISE's facts; facet counts leave their own one out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dimension {
    Sector,
    Cpv,
    Kind,
    Municipality,
    TargetGroup,
    Certification,
    Reserved,
}

impl Search {
    /// Whether the search filters on `d`.
    pub(super) fn filters(&self, d: Dimension) -> bool {
        match d {
            Dimension::Sector => self.sector.is_some(),
            Dimension::Cpv => self.cpv.is_some(),
            Dimension::Kind => self.kind.is_some(),
            Dimension::Municipality => self.municipality.is_some(),
            Dimension::TargetGroup => self.target_group.is_some(),
            Dimension::Certification => self.certification.is_some(),
            Dimension::Reserved => self.reserved,
        }
    }

    pub(super) fn passes(&self, f: &Facts, except: Option<Dimension>) -> bool {
        let on = |d: Dimension| except != Some(d);
        (!on(Dimension::Sector) || self.sector.as_ref().is_none_or(|s| f.sectors.contains(s)))
            && (!on(Dimension::Cpv) || self.cpv.as_ref().is_none_or(|p| f.cpv_codes.iter().any(|c| c.starts_with(p))))
            && (!on(Dimension::Kind) || self.kind.as_ref().is_none_or(|k| f.kinds.contains(k)))
            && (!on(Dimension::Municipality)
                || self.municipality.as_ref().is_none_or(|m| f.national || f.municipalities.contains(&fold(m.trim()))))
            && (!on(Dimension::TargetGroup) || self.target_group.as_ref().is_none_or(|t| f.target_groups.contains(t)))
            && (!on(Dimension::Certification)
                || self.certification.as_ref().is_none_or(|c| f.certifications.contains(&c.as_str())))
            && (!on(Dimension::Reserved) || !self.reserved || f.eligible())
    }
}

/// Counts per value, in the given order of values (the rest by value), leaving out
/// values with no WISE unless selected. `values_of` gives each value of a WISE once.
/// Counting borrows the values from the facts: a search over every WISE allocates
/// nothing per WISE.
pub(super) fn facet<'a, V: Iterator<Item = &'a str>>(
    facts: impl Iterator<Item = &'a Facts>,
    values_of: impl Fn(&'a Facts) -> V,
    order: Option<&[&str]>,
    selected: Option<&str>,
) -> Vec<FacetValue> {
    let mut counts: HashMap<&'a str, usize> = HashMap::new();
    for v in facts.flat_map(values_of) {
        *counts.entry(v).or_default() += 1;
    }
    let mut list: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue {
            selected: selected == Some(value),
            value: value.to_string(),
            label: None,
            label_nl: None,
            count,
        })
        .collect();
    if let Some(s) = selected.filter(|s| !list.iter().any(|v| v.value == *s)) {
        list.push(FacetValue { selected: true, value: s.to_string(), label: None, label_nl: None, count: 0 });
    }
    list.sort_unstable_by(|a, b| a.value.cmp(&b.value));
    if let Some(order) = order {
        list.sort_by_key(|v| order.iter().position(|o| *o == v.value).unwrap_or(usize::MAX));
    }
    list
}

/// The text matches of a search (`None` without words: every WISE is a candidate) and
/// the snapshot of facts it is filtered on.
pub(super) type Candidates = (Option<Arc<TextMatches>>, Arc<Snapshot>);

/// WISE id → (relevance, matching offerings).
pub(super) type TextMatches = HashMap<i32, (f64, i64)>;

pub(super) fn candidates(
    conn: &mut DbConn,
    caches: &SearchCaches,
    search: &Search,
    today: NaiveDate,
) -> QueryResult<Candidates> {
    // The snapshot the words are matched in is taken after the text version is read
    // (inside the load), so a text match is never older than the version it is kept under.
    let matches = if search.words.is_empty() {
        None
    } else {
        Some(caches.text_matches.get_or_load(conn, search.words.clone(), |c| {
            snapshot(c, caches, today).map(|s| text_matches(&s, &search.words))
        })?)
    };
    Ok((matches, snapshot(conn, caches, today)?))
}

/// The approved WISEs that match a search's text (all without words), in id order.
pub(super) fn matching<'a>(snapshot: &'a Snapshot, matches: &Option<Arc<TextMatches>>) -> Vec<(i32, &'a Facts)> {
    snapshot
        .facts
        .iter()
        .filter(|(id, _)| matches.as_ref().is_none_or(|m| m.contains_key(id)))
        .map(|(id, f)| (*id, &**f))
        .collect()
}

impl versioned::Weigh for TextMatches {
    fn weight(&self) -> usize {
        std::mem::size_of::<Self>() + self.capacity() * (std::mem::size_of::<(i32, (f64, i64))>() + 1)
    }
}
