//! Service points beyond communities: parks, enterprises and other places, and the streets'
//! yearly lecture targets.

use super::endpoint::{endpoints, Access};
use crate::model::{LectureTarget, NewServicePoint, ServicePoints, YearRequest};

endpoints! {
    /// The year's service points and each street's lectures at parks and enterprises against its
    /// target, in scope.
    GetServicePoints = "staff/service-points", YearRequest => ServicePoints, Access::STAFF;

    /// Opens a service point (a park, an enterprise or another place) in a street.
    SaveServicePoint = "staff/save-point", NewServicePoint => ServicePoints, Access::District;

    /// Sets a street's lecture target of a year.
    SetLectureTarget = "staff/lecture-target", LectureTarget => ServicePoints, Access::District;
}
