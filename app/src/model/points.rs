//! Service points beyond communities (入园入企): industrial parks, enterprises and other places,
//! and each street's yearly target of lectures given at parks and enterprises.

use serde::{Deserialize, Serialize};

/// The district's staff open a service point in a street.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct NewServicePoint {
    pub street_id: i64,
    pub name: String,
    /// `park`, `enterprise` or `other`.
    pub kind: String,
    pub office_address: String,
}

/// A street's lecture target of a year (0 clears it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LectureTarget {
    pub street_id: i64,
    pub year: i32,
    pub target: i64,
}

/// A service point and its lectures of the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ServicePoint {
    pub id: i64,
    pub name: String,
    pub street_id: i64,
    pub street: String,
    pub kind: String,
    pub lectures: i64,
}

/// A street's lectures at parks and enterprises in the year against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct StreetLectures {
    pub street_id: i64,
    pub street: String,
    pub target: Option<i64>,
    pub lectures: i64,
}

/// The year's service points and lecture targets in scope (a street's staff: their street).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ServicePoints {
    pub year: i32,
    pub points: Vec<ServicePoint>,
    pub streets: Vec<StreetLectures>,
}
