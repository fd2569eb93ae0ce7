//! Who is asking and what they may do: sessions and CSRF (`session`), the one policy
//! function (`policy`), rate limits on sign-in and links (`ratelimit`), password hashing
//! with a bounded number at once (`password`).

pub mod password;
pub mod policy;
pub mod ratelimit;
pub mod session;
