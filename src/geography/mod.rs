//! Municipalities with their centroids (issue 25), so that an offering with a radius
//! serves what lies within it: the reference table (`municipalities`: CBS code, name,
//! latitude and longitude), its CSV import (`store.rs`, for the command line and the
//! operator's page in `catalogue/import/municipalities.rs`), and the distance between
//! two municipalities.
//! Which municipalities an offering serves is `organisation::offerings::serves`, the one
//! rule the search, the API, need matching and the digests use.

pub mod store;

use std::collections::HashMap;

use crate::validation::fold;

/// A point on earth in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
}

/// The great-circle distance between two points, in kilometres.
pub fn distance_km(a: Point, b: Point) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (la1, la2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let d_lat = la2 - la1;
    let d_lon = (b.longitude - a.longitude).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// A municipality of the reference table.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub centroid: Option<Point>,
}

/// Every municipality of the reference table, found by its name as written anywhere
/// (without case and accents).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    all: Vec<Municipality>,
    by_name: HashMap<String, usize>,
}

impl Gazetteer {
    pub fn new(all: Vec<Municipality>) -> Self {
        let by_name = all.iter().enumerate().map(|(i, m)| (fold(m.name.trim()), i)).collect();
        Gazetteer { all, by_name }
    }

    /// The municipality named `name`, if the table has it.
    pub fn find(&self, name: &str) -> Option<&Municipality> {
        self.by_name.get(&fold(name.trim())).map(|i| &self.all[*i])
    }

    /// The centroid of the municipality named `name`, if known.
    pub fn centroid(&self, name: &str) -> Option<Point> {
        self.find(name).and_then(|m| m.centroid)
    }

    pub fn all(&self) -> &[Municipality] {
        &self.all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_town_centres() {
        let amsterdam = Point { latitude: 52.3676, longitude: 4.9041 };
        let haarlem = Point { latitude: 52.3874, longitude: 4.6462 };
        let d = distance_km(amsterdam, haarlem);
        assert!((17.0..18.5).contains(&d), "{d}");
        assert_eq!(distance_km(amsterdam, amsterdam), 0.0);
    }

    #[test]
    fn names_are_found_without_case_and_accents() {
        let g = Gazetteer::new(vec![Municipality {
            code: "GM0363".into(),
            name: "Amsterdam".into(),
            centroid: Some(Point { latitude: 52.37, longitude: 4.9 }),
        }]);
        assert_eq!(g.find(" amstérdam ").map(|m| m.code.as_str()), Some("GM0363"));
        assert!(g.centroid("Haarlem").is_none());
    }
}
