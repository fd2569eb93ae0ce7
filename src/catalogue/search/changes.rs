//! What changed in a window among what a search finds: the saved-search digests.

use super::*;

/// A WISE a search finds that is new or changed in a window, with its offerings that
/// are new or changed in that window and match the search (saved-search digests).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Change {
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub municipality: String,
    /// Registered within the window.
    pub new: bool,
    /// Its profile (or status) changed within the window.
    pub profile_changed: bool,
    pub offerings: Vec<ChangedOffering>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangedOffering {
    pub title: String,
    pub kind: String,
    pub cpv_code: String,
    /// Created within the window (otherwise changed).
    pub new: bool,
}

/// What changed in `(since, until]` among what `search` finds, in name order: every
/// WISE the search finds (on any page) whose profile changed in the window or that has
/// an active offering changed in the window which matches the search itself (its words,
/// kind and CPV prefix). The same filtering as [`search`], so a digest lists only what
/// the catalogue page would show.
pub fn changes(
    conn: &mut DbConn,
    caches: &Caches,
    search: &Search,
    since: NaiveDateTime,
    until: NaiveDateTime,
    today: NaiveDate,
) -> QueryResult<Vec<Change>> {
    let (matches, snapshot) = candidates(conn, &caches.get::<SearchCaches>(), search, today)?;
    let found: HashSet<i32> =
        matching(&snapshot, &matches).into_iter().filter(|(_, f)| search.passes(f, None)).map(|(id, _)| id).collect();
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let in_window = |at: NaiveDateTime| at > since && at <= until;
    let wording = if search.words.is_empty() { None } else { Some(offering_matches(conn, &search.words)?) };
    let mut oq = offerings::table
        .filter(offerings::active.eq(true))
        .filter(offerings::updated_at.gt(since))
        .filter(offerings::updated_at.le(until))
        .order((offerings::organisation_id, offerings::title, offerings::id))
        .select((
            offerings::id,
            offerings::organisation_id,
            offerings::title,
            offerings::kind,
            offerings::cpv_code,
            offerings::created_at,
        ))
        .into_boxed();
    if let Some(kind) = &search.kind {
        oq = oq.filter(offerings::kind.eq(kind));
    }
    if let Some(prefix) = &search.cpv {
        oq = oq.filter(offerings::cpv_code.like(format!("{prefix}%")));
    }
    let mut changed_offerings: BTreeMap<i32, Vec<ChangedOffering>> = BTreeMap::new();
    type OfferingRow = (i32, i32, String, String, String, NaiveDateTime);
    for (id, organisation, title, kind, cpv_code, created) in oq.load::<OfferingRow>(conn)? {
        if found.contains(&organisation) && wording.as_ref().is_none_or(|w| w.contains_key(&id)) {
            changed_offerings.entry(organisation).or_default().push(ChangedOffering {
                title,
                kind,
                cpv_code,
                new: in_window(created),
            });
        }
    }
    let changed_profiles: HashSet<i32> = organisations::table
        .filter(organisations::updated_at.gt(since))
        .filter(organisations::updated_at.le(until))
        .select(organisations::id)
        .load::<i32>(conn)?
        .into_iter()
        .filter(|id| found.contains(id))
        .collect();
    let ids: Vec<i32> = changed_profiles.iter().chain(changed_offerings.keys()).copied().collect();
    type OrgRow = (i32, String, String, String, String, NaiveDateTime);
    let mut list: Vec<(String, Change)> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .select((
            organisations::id,
            organisations::kvk_number,
            organisations::name,
            organisations::slug,
            organisations::municipality,
            organisations::created_at,
        ))
        .load::<OrgRow>(conn)?
        .into_iter()
        .map(|(id, kvk_number, name, slug, municipality, created)| {
            let change = Change {
                kvk_number,
                slug,
                municipality,
                new: in_window(created),
                profile_changed: changed_profiles.contains(&id),
                offerings: changed_offerings.remove(&id).unwrap_or_default(),
                name,
            };
            (fold(&change.name), change)
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.kvk_number.cmp(&b.1.kvk_number)));
    Ok(list.into_iter().map(|(_, c)| c).collect())
}
