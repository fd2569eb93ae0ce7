//! Configuration in one typed struct: the embedded `config/default.toml`, then
//! an optional file, then `WISE_<SECTION>__<KEY>` environment variables.

use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;

pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub i18n: I18nConfig,
    pub templates: TemplatesConfig,
    pub catalogue: CatalogueConfig,
    pub figures: FiguresConfig,
    pub mail: MailConfig,
    pub auth: AuthConfig,
    pub schedules: SchedulesConfig,
    pub disclosure: DisclosureConfig,
    pub needs: NeedsConfig,
    pub social_return: SocialReturnConfig,
    pub advisor: AdvisorConfig,
    pub profiles: ProfilesConfig,
    pub certificates: CertificatesConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub listen: String,
    pub base_url: String,
    pub workers: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: String,
    pub pool_size: u32,
    pub busy_timeout_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18nConfig {
    pub default_language: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatesConfig {
    pub override_dir: String,
    pub reload: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueConfig {
    pub page_size: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresConfig {
    pub closes_after_days: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    pub from: String,
    pub transport: String,
    pub file_dir: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_security: String,
    pub smtp_username: String,
    pub smtp_password: String,
    pub poll_seconds: u64,
    pub retry_base_seconds: u64,
    pub max_attempts: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    pub reset_link_minutes: i64,
    pub invite_link_days: i64,
    pub max_concurrent_hashes: usize,
    pub rate_limit_per_ip: u32,
    pub rate_limit_per_account: u32,
    pub rate_limit_window_minutes: i64,
    pub trusted_proxy: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulesConfig {
    pub time_zone: String,
    pub saved_search_daily: String,
    pub saved_search_weekly: String,
    pub reporting_reminders: String,
    pub sector_summary: String,
    pub needs: String,
    pub social_return: String,
    pub partnerships: String,
    pub completeness: String,
    pub certificates: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureConfig {
    pub min_organisations: u32,
    pub max_share_pct: u32,
    pub min_people: u32,
    /// Unset: `min_people`.
    pub protection_level: Option<u32>,
    pub linked: bool,
}

/// Buyer needs: matching, alerts in batches, the follow-up mails, attachments.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedsConfig {
    /// Digits of a CPV code that make a branch for matching (4: the class).
    pub branch_digits: usize,
    /// The wider branch when fewer than `min_matches` WISEs match (3: the group).
    pub fallback_digits: usize,
    pub min_matches: usize,
    /// WISEs mailed per batch, and the hours between two batches.
    pub batch_size: usize,
    pub batch_hours: i64,
    /// No more batches once this many WISEs are interested.
    pub enough_interested: usize,
    /// Working days after an alert before the reminder to a WISE that did not open it.
    pub reminder_working_days: i64,
    /// Days a returned need may stay unchanged before it is withdrawn.
    pub withdraw_returned_days: i64,
    /// Days after the deadline (buyer) and after the start date (WISEs) to ask about the outcome.
    pub outcome_after_days: i64,
    /// Manual reminders a buyer may send per need.
    pub max_manual_reminders: i32,
    /// Where attachments are stored, and their largest size.
    pub attachments_dir: String,
    pub max_attachment_bytes: u64,
}

/// Social return: how the city values what a contractor did towards its obligation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialReturnConfig {
    /// The share of a purchase from a WISE that counts, by what the WISE is on the
    /// invoice date (the highest that applies): registered with the Code Sociale
    /// Ondernemingen, a Social Enterprise NL member, PSO-certified (current), none of these.
    pub code_register_pct: u32,
    pub sena_pct: u32,
    pub pso_pct: u32,
    pub other_pct: u32,
    /// Days a claim may wait for its WISE before the WISE is reminded (once).
    pub claim_reminder_days: i64,
    /// The officer is warned when this share of a contract's term has passed while
    /// less than `warn_obligation_pct` of its obligation is realised.
    pub warn_term_pct: u32,
    pub warn_obligation_pct: u32,
    /// The other building blocks a contractor can record, each with its value.
    pub blocks: Vec<BuildingBlock>,
}

/// WISE profiles: the score (`organisation::completeness`) under which the monthly
/// nudge goes out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilesConfig {
    pub nudge_below_score: i32,
}

/// Certificates (`organisation::certificates`): where their evidence is kept, how large
/// it may be, and how many days before a certificate expires its WISE is told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificatesConfig {
    pub evidence_dir: String,
    pub max_evidence_bytes: u64,
    pub expiry_notice_days: Vec<i64>,
}

/// The reserved-contract advisor: which WISEs count for a planned purchase, and the
/// thresholds of its recommendation (README, "The reserved-contract advisor").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisorConfig {
    /// Digits of a purchase's CPV code that make its branch (3: the group; fewer when
    /// the code is shorter, as `45000000` is the division `45`).
    pub branch_digits: usize,
    /// Reserve the whole contract: at least this many eligible WISEs, and a yearly
    /// budget of at most this share of their combined yearly turnover.
    pub whole_min_wises: usize,
    pub whole_max_share_pct: u32,
    /// Otherwise reserve a lot (sized to `whole_max_share_pct` of their turnover) with
    /// at least this many eligible WISEs whose turnover is known.
    pub lot_min_wises: usize,
    /// Otherwise a social-return clause, from this budget up; below it, post a need first.
    pub social_return_min_budget_eur: i64,
}

/// A building block of the valuation table: e.g. a year's placement of a person on benefits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildingBlock {
    /// Its code (letters, digits and `_`), as stored on every entry.
    pub key: String,
    pub name_nl: String,
    pub name_en: String,
    /// What one counts for, in whole euros.
    pub value_eur: i64,
}

impl SocialReturnConfig {
    pub fn block(&self, key: &str) -> Option<&BuildingBlock> {
        self.blocks.iter().find(|b| b.key == key)
    }
}

/// Environment variables with the `WISE_` prefix that are not configuration keys.
const NON_CONFIG_VARS: &[&str] = &["WISE_CONFIG", "WISE_DATABASE_URL", "WISE_LISTEN", "WISE_PASSWORD"];

impl Config {
    /// The defaults alone (what tests start from).
    pub fn defaults() -> Self {
        Self::load_from(None, std::iter::empty()).expect("config/default.toml is valid")
    }

    /// Defaults, then `file`, then the process environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        Self::load_from(file, std::env::vars())
    }

    pub fn load_from(file: Option<&Path>, env: impl IntoIterator<Item = (String, String)>) -> anyhow::Result<Self> {
        use config::{Environment, File, FileFormat};
        let mut builder = config::Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
            // Check the syntax here so the message names the file.
            text.parse::<toml::Table>()
                .with_context(|| format!("configuration file {} is not valid TOML", path.display()))?;
            builder = builder.add_source(File::from_str(&text, FileFormat::Toml));
        }
        let vars: std::collections::HashMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| {
                k.starts_with("WISE_") && !NON_CONFIG_VARS.contains(&k.as_str()) && !k.starts_with("WISE_TEST_")
            })
            .collect();
        for key in vars.keys() {
            if !key.contains("__") {
                bail!(
                    "environment variable {key} is not a configuration key (expected WISE_<SECTION>__<KEY>, e.g. WISE_SERVER__BASE_URL)"
                );
            }
        }
        builder = builder.add_source(
            Environment::with_prefix("WISE").prefix_separator("_").separator("__").try_parsing(true).source(Some(vars)),
        );
        let config: Config = builder
            .build()
            .context("invalid configuration")?
            .try_deserialize()
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if !matches!(self.i18n.default_language.as_str(), "nl" | "en") {
            bail!(
                "invalid configuration: i18n.default_language must be \"nl\" or \"en\", not {:?}",
                self.i18n.default_language
            );
        }
        let base = &self.server.base_url;
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            bail!("invalid configuration: server.base_url must start with http:// or https://, not {base:?}");
        }
        if !matches!(self.mail.transport.as_str(), "file" | "smtp") {
            bail!("invalid configuration: mail.transport must be \"file\" or \"smtp\", not {:?}", self.mail.transport);
        }
        if !matches!(self.mail.smtp_security.as_str(), "starttls" | "tls" | "none") {
            bail!(
                "invalid configuration: mail.smtp_security must be \"starttls\", \"tls\" or \"none\", not {:?}",
                self.mail.smtp_security
            );
        }
        let n = &self.needs;
        if !(2..=8).contains(&n.branch_digits)
            || !(2..=8).contains(&n.fallback_digits)
            || n.fallback_digits > n.branch_digits
        {
            bail!("invalid configuration: needs.branch_digits and needs.fallback_digits must be 2..8, the fallback not longer than the branch");
        }
        if n.batch_size < 1 || n.batch_hours < 1 || n.enough_interested < 1 {
            bail!("invalid configuration: needs.batch_size, needs.batch_hours and needs.enough_interested must be at least 1");
        }
        if self.certificates.max_evidence_bytes == 0 {
            bail!("invalid configuration: certificates.max_evidence_bytes must be more than 0");
        }
        if self.certificates.expiry_notice_days.iter().any(|d| *d <= 0 || *d > 366) {
            bail!("invalid configuration: certificates.expiry_notice_days must each be 1..366");
        }
        if !(0..=100).contains(&self.profiles.nudge_below_score) {
            bail!("invalid configuration: profiles.nudge_below_score must be 0..100");
        }
        let a = &self.advisor;
        if !(2..=8).contains(&a.branch_digits) || a.whole_min_wises < 1 || a.lot_min_wises < 1 {
            bail!("invalid configuration: advisor.branch_digits must be 2..8, advisor.whole_min_wises and advisor.lot_min_wises at least 1");
        }
        if a.whole_max_share_pct < 1 || a.whole_max_share_pct > 100 || a.social_return_min_budget_eur < 0 {
            bail!("invalid configuration: advisor.whole_max_share_pct must be 1..100, advisor.social_return_min_budget_eur not negative");
        }
        let sr = &self.social_return;
        if [sr.code_register_pct, sr.sena_pct, sr.pso_pct, sr.other_pct, sr.warn_term_pct, sr.warn_obligation_pct]
            .iter()
            .any(|p| *p > 100)
        {
            bail!("invalid configuration: the percentages in [social_return] must be 0..100");
        }
        if sr.claim_reminder_days < 1 {
            bail!("invalid configuration: social_return.claim_reminder_days must be at least 1");
        }
        for (i, b) in sr.blocks.iter().enumerate() {
            let good_key = !b.key.is_empty() && b.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !good_key || b.key == "purchase" || sr.blocks[..i].iter().any(|o| o.key == b.key) {
                bail!("invalid configuration: social_return.blocks key {:?} must be unique, not \"purchase\", of letters, digits and _", b.key);
            }
            if b.value_eur < 1 || b.name_nl.trim().is_empty() || b.name_en.trim().is_empty() {
                bail!("invalid configuration: social_return.blocks {:?} needs name_nl, name_en and a value_eur of at least 1", b.key);
            }
        }
        if self.mail.max_attempts < 1 || self.mail.poll_seconds == 0 {
            bail!("invalid configuration: mail.max_attempts and mail.poll_seconds must be at least 1");
        }
        let a = &self.auth;
        if a.session_idle_minutes < 1
            || a.session_absolute_hours < 1
            || a.reset_link_minutes < 1
            || a.invite_link_days < 1
            || a.max_concurrent_hashes < 1
            || a.rate_limit_per_ip < 1
            || a.rate_limit_per_account < 1
            || a.rate_limit_window_minutes < 1
        {
            bail!("invalid configuration: every number in [auth] must be at least 1");
        }
        if !a.trusted_proxy.is_empty() && a.trusted_proxy.parse::<std::net::IpAddr>().is_err() {
            bail!("invalid configuration: auth.trusted_proxy must be an IP address, not {:?}", a.trusted_proxy);
        }
        if self.disclosure.max_share_pct > 100 {
            bail!("invalid configuration: disclosure.max_share_pct must be at most 100");
        }
        if self.catalogue.page_size == 0 || self.catalogue.page_size > 200 {
            bail!("invalid configuration: catalogue.page_size must be between 1 and 200");
        }
        Ok(())
    }

    /// Whether the platform is reached over HTTPS (HSTS, Secure cookies).
    pub fn is_https(&self) -> bool {
        self.server.base_url.starts_with("https://")
    }

    /// The base URL without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.server.base_url.trim_end_matches('/')
    }

    /// The template override directory, if one is set.
    pub fn template_override_dir(&self) -> Option<&Path> {
        let dir = self.templates.override_dir.trim();
        (!dir.is_empty()).then(|| Path::new(dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_load() {
        let c = Config::defaults();
        assert_eq!(c.server.listen, "127.0.0.1:8080");
        assert_eq!(c.database.url, "sqlite://data/wise-monitor.db");
        assert_eq!(c.disclosure.min_organisations, 3);
        assert_eq!(c.disclosure.max_share_pct, 70);
        assert_eq!(c.disclosure.min_people, 10);
        assert!(!c.is_https());
    }

    #[test]
    fn environment_overrides_and_ignores_command_shortcuts() {
        let c = Config::load_from(
            None,
            env(&[
                ("WISE_SERVER__BASE_URL", "https://wise.example.nl/"),
                ("WISE_DATABASE__POOL_SIZE", "3"),
                ("WISE_DATABASE_URL", "postgres://ignored-here"),
                ("WISE_TEST_POSTGRES_URL", "postgres://x"),
                ("HOME", "/root"),
            ]),
        )
        .unwrap();
        assert_eq!(c.base_url(), "https://wise.example.nl");
        assert_eq!(c.database.pool_size, 3);
        assert!(c.is_https());
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::load_from(None, env(&[("WISE_SERVER__LISTN", "x")])).unwrap_err();
        assert!(format!("{err:#}").contains("listn"), "{err:#}");
        let err = Config::load_from(None, env(&[("WISE_BOGUS", "x")])).unwrap_err();
        assert!(format!("{err:#}").contains("WISE_BOGUS"), "{err:#}");

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "[database]\nurl = \"x.db\"\ncolour = \"red\"\n").unwrap();
        let err = Config::load_from(Some(&file), env(&[])).unwrap_err();
        assert!(format!("{err:#}").contains("colour"), "{err:#}");
    }

    #[test]
    fn unreadable_file_is_named() {
        let err = Config::load_from(Some(Path::new("/nonexistent/wise.toml")), env(&[])).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent/wise.toml"), "{err:#}");
    }

    #[test]
    fn bad_values_are_named() {
        let err = Config::load_from(None, env(&[("WISE_I18N__DEFAULT_LANGUAGE", "fr")])).unwrap_err();
        assert!(format!("{err:#}").contains("default_language"), "{err:#}");
    }
}
