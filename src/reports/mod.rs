//! Sector reports (SPEC §2 "Sector report" and "Disclosure control"; JSON in §4).

pub mod aggregate;
pub mod audit;
pub mod differences;
pub mod disclosure;
pub mod export;
pub mod linked;
pub mod memo;
pub mod needs;
pub mod page;
pub mod partnerships;
pub mod procurement;
pub mod report;
