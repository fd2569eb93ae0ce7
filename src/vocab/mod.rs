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
pub const DIGEST_KINDS: &[&str] = &[
    "saved_search_daily",
    "saved_search_weekly",
    "reporting_reminders",
    "sector_summary",
    "needs",
    "social_return",
    "partnerships",
    "completeness",
    "certificates",
];

/// How often a saved search is mailed.
pub const SAVED_SEARCH_FREQUENCIES: &[&str] = &["daily", "weekly"];

/// Where a buying organisation stands.
pub const BUYER_STATUSES: &[&str] = &["pending", "approved", "suspended"];

/// Kinds of buying organisation.
pub const BUYER_KINDS: &[&str] = &["municipality", "public_body", "company"];

/// Kinds of buyer need: a formal procurement, a request for a quotation, finding out who could deliver.
pub const NEED_KINDS: &[&str] = &["tender", "quote", "sourcing"];

/// Where a need is to be delivered.
pub const NEED_LOCATIONS: &[&str] = &["municipality", "radius", "national"];

/// The amount of a need: a band, an exact figure, or not known.
pub const AMOUNT_BANDS: &[&str] = &["unknown", "under_25k", "25k_100k", "100k_250k", "250k_1m", "over_1m", "exact"];

/// How WISEs respond to a need.
pub const RESPOND_HOW: &[&str] = &["platform", "email", "link"];

/// Where a need stands.
pub const NEED_STATUSES: &[&str] = &["draft", "submitted", "returned", "published", "withdrawn"];

/// A WISE's answer to a need.
pub const NEED_RESPONSES: &[&str] = &["interested", "declined", "joint"];

/// Why a WISE is not interested.
pub const DECLINE_REASONS: &[&str] = &["no_capacity", "not_our_work", "too_large", "too_far", "deadline", "other"];

/// Whether the buyer would have found the WISE without the platform.
pub const FOUND_WITHOUT: &[&str] = &["yes", "no", "unsure"];

/// Where a reported deal stands.
pub const DEAL_STATUSES: &[&str] = &["reported", "confirmed", "disputed"];

/// Where a social-return contract stands (`social_return::progress`).
pub const SR_STATES: &[&str] = &["upcoming", "running", "behind", "met", "ended"];

/// Where an entry towards social return stands.
pub const SR_ENTRY_STATES: &[&str] = &["pending", "confirmed", "disputed", "overridden", "recorded"];

/// What partners exchange in a partnership between a WISE and a company (issue 24).
pub const PARTNERSHIP_EXCHANGES: &[&str] = &[
    "supply",
    "paid_training",
    "secondment",
    "placement_route",
    "job_carving",
    "knowledge_exchange",
    "joint_production",
];

/// The phases of a partnership, from the Collaborative Value Creation framework.
pub const PARTNERSHIP_PHASES: &[&str] = &["orientation", "integration", "transformation"];

/// The kinds of value partners see in a partnership.
pub const PARTNERSHIP_VALUES: &[&str] = &["transaction", "reputation", "interaction", "synergy"];

/// The themes of the partnership self-assessment, three per phase in the order of
/// [`PARTNERSHIP_PHASES`]: orientation (shared goals, what each brings, trust),
/// integration (how the work is organised, coaching on the job, who pays for what),
/// transformation (the value secured long-term, the municipality, schools).
pub const PARTNERSHIP_THEMES: &[&str] = &[
    "shared_goals",
    "contributions",
    "trust",
    "work_organisation",
    "coaching",
    "costs",
    "long_term",
    "municipality",
    "schools",
];

/// The self-assessment's scale: 1 not yet, 2 started, 3 largely, 4 fully.
pub const PARTNERSHIP_SCORES: &[&str] = &["1", "2", "3", "4"];

/// Where a partnership stands.
pub const PARTNERSHIP_STATES: &[&str] = &["proposed", "confirmed", "declined", "withdrawn", "ended"];

/// Where a certificate stands (`organisation::certificates::State`).
pub const CERTIFICATE_STATES: &[&str] = &["claimed", "verified", "rejected", "expired"];

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
    ("certificate-state", CERTIFICATE_STATES),
    ("sort", SORTS),
    ("submission", SUBMISSION_STATUSES),
    ("source", REVISION_SOURCES),
    ("periods-status", PERIOD_STATUSES),
    ("digest", DIGEST_KINDS),
    ("frequency", SAVED_SEARCH_FREQUENCIES),
    ("buyer-kind", BUYER_KINDS),
    ("buyer-status", BUYER_STATUSES),
    ("need-kind", NEED_KINDS),
    ("need-location", NEED_LOCATIONS),
    ("amount-band", AMOUNT_BANDS),
    ("respond-how", RESPOND_HOW),
    ("need-status", NEED_STATUSES),
    ("need-response", NEED_RESPONSES),
    ("decline-reason", DECLINE_REASONS),
    ("found-without", FOUND_WITHOUT),
    ("deal-status", DEAL_STATUSES),
    ("sr-state", SR_STATES),
    ("sr-entry-state", SR_ENTRY_STATES),
    ("partnership-exchange", PARTNERSHIP_EXCHANGES),
    ("partnership-phase", PARTNERSHIP_PHASES),
    ("partnership-value", PARTNERSHIP_VALUES),
    ("partnership-state", PARTNERSHIP_STATES),
    ("partnership-theme", PARTNERSHIP_THEMES),
    ("partnership-score", PARTNERSHIP_SCORES),
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
