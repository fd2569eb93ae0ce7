//! Passwords: argon2id (m = 19456 KiB, t = 2, p = 1) computed on the blocking pool,
//! at most `auth.max_concurrent_hashes` at once, and a strength rule for new ones.

use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::web::AppError;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 1024;

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(19_456, 2, 1, None).expect("valid parameters"))
}

/// Hashes a password (blocking; call through [`Hasher`] from handlers).
pub fn hash_blocking(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2().hash_password(password.as_bytes(), &salt).expect("argon2 hashing").to_string()
}

/// Checks a password against a stored hash (blocking).
pub fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of a password nobody has, so an unknown account costs the same time as a known one.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_blocking("decoy password that never matches"))
}

/// Runs hashing off the reactor with a bound on concurrency.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Hasher {
    pub fn new(max_concurrent: usize) -> Self {
        Self { permits: Arc::new(Semaphore::new(max_concurrent.max(1))) }
    }

    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _permit = self.permits.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
        Ok(actix_web::web::block(move || hash_blocking(&password)).await?)
    }

    /// Verifies; with no stored hash it still spends the time and answers false.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, AppError> {
        let _permit = self.permits.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
        Ok(actix_web::web::block(move || match hash {
            Some(hash) => verify_blocking(&password, &hash),
            None => {
                verify_blocking(&password, decoy_hash());
                false
            }
        })
        .await?)
    }
}

/// Whether a new password is acceptable: long enough, not absurdly long, and not
/// guessable (zxcvbn score of at least 3, taking the user's own details into account).
pub fn check_strength(password: &str, user_inputs: &[&str]) -> Result<(), &'static str> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err("error-password-short");
    }
    if length > MAX_LENGTH {
        return Err("error-password-long");
    }
    // Scoring is costly on long input; the first 128 characters decide.
    let scored: String = password.chars().take(128).collect();
    if (zxcvbn::zxcvbn(&scored, user_inputs).score() as u8) < 3 {
        return Err("error-password-weak");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_required_parameters() {
        let hash = hash_blocking("correct horse battery staple");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_blocking("correct horse battery staple", &hash));
        assert!(!verify_blocking("wrong", &hash));
        assert!(!verify_blocking("x", "not a hash"));
    }

    #[test]
    fn weak_passwords_are_refused() {
        assert_eq!(check_strength("short", &[]), Err("error-password-short"));
        assert_eq!(check_strength("password1234", &[]), Err("error-password-weak"));
        assert_eq!(check_strength("jan.jansen@example.nl", &["jan.jansen@example.nl"]), Err("error-password-weak"));
        assert_eq!(check_strength(&"a".repeat(1025), &[]), Err("error-password-long"));
        assert_eq!(check_strength(&"Zq7!rT".repeat(21), &[]), Ok(()), "128 characters are allowed");
        assert_eq!(check_strength("vlieger-tafel-paraplu-93", &[]), Ok(()));
    }
}
