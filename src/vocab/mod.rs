//! The fixed vocabularies of SPEC §5 and §2. Labels live in the translation files
//! (`sector-<code>`, `target-group-<code>`, …) so both languages stay complete.

pub mod cpv;

pub const SECTORS: &[&str] = &[
    "catering",
    "cleaning_facility",
    "construction_maintenance",
    "green_maintenance",
    "recycling_repair",
    "retail_second_hand",
    "textiles",
    "production_assembly",
    "logistics_mail",
    "it_services",
    "printing_office",
    "food_production",
    "creative_crafts",
    "care_wellbeing",
    "other",
];

pub const TARGET_GROUPS: &[&str] = &[
    "physical_disability",
    "mental_health",
    "intellectual_disability",
    "refugee_background",
    "ex_offender",
    "youth_without_qualification",
    "long_term_unemployed",
    "older_jobseekers",
    "homeless_or_addiction",
    "other",
];

pub const ORGANISATION_STATUSES: &[&str] = &["pending", "approved", "suspended", "archived"];

pub const PSO_LEVELS: &[&str] = &["aspirant", "basistrede", "trede_1", "trede_2", "trede_3", "pso_30plus"];

pub const CSO_STATUSES: &[&str] = &["registered", "applied"];

pub const OFFERING_KINDS: &[&str] = &["good", "service", "works"];

pub const SERVICE_AREAS: &[&str] = &["national", "municipalities", "radius"];

pub const ROLES: &[&str] = &["admin", "city", "buyer", "wise"];

/// Certification filters of the catalogue search.
pub const CERTIFICATION_FILTERS: &[&str] = &["pso", "cso", "sena"];

/// Orders of the catalogue search.
pub const SORTS: &[&str] = &["relevance", "name", "updated"];

/// Where a WISE's submission for a period stands (`missing`: nothing submitted).
pub const SUBMISSION_STATUSES: &[&str] = &["draft", "submitted", "accepted", "returned", "missing"];

/// Where a reporting period stands.
pub const PERIOD_STATUSES: &[&str] = &["upcoming", "open", "overdue", "closed"];

/// Where a revision of a submission's figures came from.
pub const REVISION_SOURCES: &[&str] = &["form", "import", "api", "demo"];

/// The kinds of scheduled digest (SPEC §3) that are sent.
pub const DIGEST_KINDS: &[&str] =
    &["saved_search_daily", "saved_search_weekly", "reporting_reminders", "sector_summary"];

/// How often a saved search is mailed.
pub const SAVED_SEARCH_FREQUENCIES: &[&str] = &["daily", "weekly"];

/// Every vocabulary with the prefix of its translation keys.
pub const ALL: &[(&str, &[&str])] = &[
    ("sector", SECTORS),
    ("target-group", TARGET_GROUPS),
    ("status", ORGANISATION_STATUSES),
    ("pso", PSO_LEVELS),
    ("cso", CSO_STATUSES),
    ("kind", OFFERING_KINDS),
    ("area", SERVICE_AREAS),
    ("role", ROLES),
    ("certification", CERTIFICATION_FILTERS),
    ("sort", SORTS),
    ("submission", SUBMISSION_STATUSES),
    ("source", REVISION_SOURCES),
    ("periods-status", PERIOD_STATUSES),
    ("digest", DIGEST_KINDS),
    ("frequency", SAVED_SEARCH_FREQUENCIES),
];

pub fn is_sector(code: &str) -> bool {
    SECTORS.contains(&code)
}

pub fn is_target_group(code: &str) -> bool {
    TARGET_GROUPS.contains(&code)
}

/// The translation key of a vocabulary code, e.g. `("sector", "catering")` → `sector-catering`.
pub fn label_key(vocabulary: &str, code: &str) -> String {
    format!("{vocabulary}-{}", code.replace('_', "-"))
}
