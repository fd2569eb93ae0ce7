//! Sample WISEs for `serve --demo` (being written).
use crate::catalogue::model::{OfferingInput, OrganisationInput};

pub struct DemoWise {
    pub status: &'static str,
    pub organisation: OrganisationInput,
    pub offerings: Vec<OfferingInput>,
}

pub fn sample() -> Vec<DemoWise> {
    Vec::new()
}
