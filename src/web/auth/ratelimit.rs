//! Attempt limits for sign-in, password reset and invitations, per client IP and
//! per account-from-one-IP, in fixed windows measured on the injected clock.
//! Limiting per account *and IP* means an attacker elsewhere cannot lock a real user out.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::secret;
use crate::web::{AppError, AppState};

#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<String, (DateTime<Utc>, u32)>>,
}

impl RateLimiter {
    /// Counts an attempt under `key`; past `limit` within `window`, answers how many
    /// seconds to wait.
    pub fn hit(&self, key: &str, limit: u32, window: Duration, now: DateTime<Utc>) -> Result<(), u64> {
        let mut windows = self.windows.lock().expect("rate limiter lock");
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now - *start < window);
        }
        let entry = windows.entry(key.to_string()).or_insert((now, 0));
        if now - entry.0 >= window {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            let wait = (entry.0 + window - now).num_seconds().max(1);
            return Err(u64::try_from(wait).unwrap_or(1));
        }
        entry.1 += 1;
        Ok(())
    }

    /// Forgets the attempts under `key` (after a successful sign-in).
    pub fn clear(&self, key: &str) {
        self.windows.lock().expect("rate limiter lock").remove(key);
    }
}

/// Counts an attempt against every key; the first exhausted one answers 429.
pub fn limit(state: &AppState, keys: &[(String, u32)]) -> Result<(), AppError> {
    let window = Duration::minutes(state.config.auth.rate_limit_window_minutes);
    let now = state.clock.now();
    for (key, max) in keys {
        state.limiter.hit(key, *max, window, now).map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
    }
    Ok(())
}

/// The per-IP and per-account-from-this-IP limits of one kind of attempt.
pub fn attempt_keys(state: &AppState, kind: &str, ip: &str, account: &str) -> Vec<(String, u32)> {
    let auth = &state.config.auth;
    vec![
        (format!("{kind}:ip:{ip}"), auth.rate_limit_per_ip),
        // The account as typed can be long: keyed by its digest.
        (format!("{kind}:account:{}:ip:{ip}", secret::digest(account)), auth.rate_limit_per_account),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_and_window() {
        let limiter = RateLimiter::default();
        let t0 = Utc::now();
        let w = Duration::minutes(15);
        for _ in 0..3 {
            assert!(limiter.hit("a", 3, w, t0).is_ok());
        }
        let wait = limiter.hit("a", 3, w, t0 + Duration::minutes(5)).unwrap_err();
        assert_eq!(wait, 600);
        assert!(limiter.hit("b", 3, w, t0).is_ok(), "other keys are unaffected");
        assert!(limiter.hit("a", 3, w, t0 + Duration::minutes(15)).is_ok(), "a new window starts");
        limiter.clear("a");
        assert!(limiter.hit("a", 1, w, t0).is_ok());
    }
}
