//! The city's valuation: what a purchase from a WISE or a building block counts for
//! towards a social-return obligation (`[social_return]` in the configuration).

use chrono::NaiveDate;
use diesel::QueryResult;

use crate::config::SocialReturnConfig;
use crate::db::DbConn;
use crate::organisation::certificates::{self, Certificate};

/// What the valuation asks of a WISE: its certificates, of which only those verified by
/// the operator and valid on the invoice date count ([`Certificate::counts_on`]).
#[derive(Debug, Clone, Default)]
pub struct Standing {
    pub certificates: Vec<Certificate>,
}

impl Standing {
    pub fn of(conn: &mut DbConn, organisation: i32) -> QueryResult<Self> {
        Ok(Standing { certificates: certificates::of_organisation(conn, organisation)? })
    }

    fn holds(&self, kind: &str, on: NaiveDate) -> bool {
        self.certificates.iter().any(|c| c.kind == kind && c.counts_on(on))
    }
}

/// The share (percent) of a purchase from a WISE invoiced on `on` that counts: the
/// highest of the rules the WISE meets that day with a verified certificate (Code
/// register, Social Enterprise NL, a PSO certificate valid on the day, none).
pub fn rate_pct(config: &SocialReturnConfig, wise: &Standing, on: NaiveDate) -> i32 {
    let mut rate = config.other_pct;
    if wise.holds("cso", on) {
        rate = rate.max(config.code_register_pct);
    }
    if wise.holds("sena", on) {
        rate = rate.max(config.sena_pct);
    }
    if wise.holds("pso", on) {
        rate = rate.max(config.pso_pct);
    }
    i32::try_from(rate).unwrap_or(100)
}

/// What a purchase of `amount_cents` counts for at `rate` percent, rounded to the cent.
pub fn purchase_value(amount_cents: i64, rate: i32) -> i64 {
    (i128::from(amount_cents) * i128::from(rate) / 100) as i64
}

/// What `quantity` of the building block `key` counts for, in cents (`None`: no such block).
pub fn block_value(config: &SocialReturnConfig, key: &str, quantity: i32) -> Option<i64> {
    config.block(key).map(|b| b.value_eur * 100 * i64::from(quantity))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_highest_rule_the_wise_meets_on_the_invoice_date() {
        let config = Config::defaults().social_return;
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut wise = Standing::default();
        assert_eq!(rate_pct(&config, &wise, day), 0);
        wise.certificates.push(certificates::sample("sena", None, false));
        assert_eq!(rate_pct(&config, &wise, day), 0, "claimed, not verified");
        wise.certificates.push(certificates::sample("sena", None, true));
        assert_eq!(rate_pct(&config, &wise, day), 50);
        wise.certificates.push(certificates::sample("cso", None, true));
        assert_eq!(rate_pct(&config, &wise, day), 100);
        let mut pso =
            Standing { certificates: vec![certificates::sample("pso", NaiveDate::from_ymd_opt(2026, 5, 31), true)] };
        assert_eq!(rate_pct(&config, &pso, day), 0, "expired the day before the invoice");
        pso.certificates[0].valid_until = Some(day);
        assert_eq!(rate_pct(&config, &pso, day), 50);
        assert_eq!(purchase_value(12_345, 50), 6_172);
        assert_eq!(block_value(&config, "apprenticeship", 2), Some(2_000_000));
        assert_eq!(block_value(&config, "nothing", 1), None);
    }
}
