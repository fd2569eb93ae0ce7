//! The city's valuation: what a purchase from a WISE or a building block counts for
//! towards a social-return obligation (`[social_return]` in the configuration).

use chrono::NaiveDate;

use crate::config::SocialReturnConfig;
use crate::organisation::model::Organisation;

/// What the valuation asks of a WISE.
#[derive(Debug, Clone, Default)]
pub struct Standing {
    /// Registered with the Code Sociale Ondernemingen.
    pub code_register: bool,
    /// A member of Social Enterprise NL.
    pub sena: bool,
    /// The last day of its PSO certificate, if it has one.
    pub pso_until: Option<NaiveDate>,
}

impl Standing {
    pub fn of(wise: &Organisation) -> Self {
        Standing {
            code_register: wise.cso_status.as_deref() == Some("registered"),
            sena: wise.sena_member,
            pso_until: wise.pso_level.as_ref().and(wise.pso_valid_until),
        }
    }
}

/// The share (percent) of a purchase from a WISE invoiced on `on` that counts: the
/// highest of the rules the WISE meets that day (Code register, Social Enterprise NL,
/// a PSO certificate valid on the day, none).
pub fn rate_pct(config: &SocialReturnConfig, wise: &Standing, on: NaiveDate) -> i32 {
    let mut rate = config.other_pct;
    if wise.code_register {
        rate = rate.max(config.code_register_pct);
    }
    if wise.sena {
        rate = rate.max(config.sena_pct);
    }
    if wise.pso_until.is_some_and(|until| until >= on) {
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
        wise.sena = true;
        assert_eq!(rate_pct(&config, &wise, day), 50);
        wise.code_register = true;
        assert_eq!(rate_pct(&config, &wise, day), 100);
        let mut pso = Standing { pso_until: NaiveDate::from_ymd_opt(2026, 5, 31), ..Standing::default() };
        assert_eq!(rate_pct(&config, &pso, day), 0, "expired the day before the invoice");
        pso.pso_until = Some(day);
        assert_eq!(rate_pct(&config, &pso, day), 50);
        assert_eq!(purchase_value(12_345, 50), 6_172);
        assert_eq!(block_value(&config, "apprenticeship", 2), Some(2_000_000));
        assert_eq!(block_value(&config, "nothing", 1), None);
    }
}
