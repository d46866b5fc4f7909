//! A year's score: each part earns up to its weight; a part with nothing to measure that year is
//! left out and the others count for the whole, so a lawyer is never marked down for what did
//! not happen.

use crate::config::evaluation::{Evaluation, PARTS};
use app::model::ScorePart;

/// What the parts measure, each a share from 0 to 1 (none: nothing to measure).
pub struct Shares {
    pub duty: Option<f64>,
    pub services: Option<f64>,
    pub answers: Option<f64>,
    pub satisfaction: Option<f64>,
    pub complaints: Option<f64>,
}

/// A lawyer's year as the parts read it.
pub struct Year {
    pub duty_days: i64,
    pub quota: i64,
    pub services: i64,
    pub answered: i64,
    pub answered_within_a_day: i64,
    pub mean_rating: Option<f64>,
    pub praise: i64,
    pub complaints: i64,
}

impl Shares {
    /// Duty-days against quota; two services a duty-day; answers within a day; ratings out of
    /// five; praise against complaints.
    pub fn of(year: &Year) -> Shares {
        let share = |part: f64, whole: f64| (whole > 0.0).then(|| (part / whole).min(1.0));
        Shares {
            duty: share(year.duty_days as f64, year.quota as f64),
            services: share(year.services as f64, 2.0 * year.duty_days as f64),
            answers: share(year.answered_within_a_day as f64, year.answered as f64),
            satisfaction: year.mean_rating.map(|r| (r / 5.0).clamp(0.0, 1.0)),
            complaints: share(year.praise as f64, (year.praise + year.complaints) as f64),
        }
    }
}

/// The parts with their weights and points, and the score out of 100.
pub fn score(settings: &Evaluation, shares: &Shares) -> (Vec<ScorePart>, Option<u32>) {
    let measured = [shares.duty, shares.services, shares.answers, shares.satisfaction, shares.complaints];
    let parts: Vec<ScorePart> = PARTS
        .iter()
        .zip(settings.weights)
        .zip(measured)
        .map(|((part, weight), share)| ScorePart {
            part: (*part).to_owned(),
            weight,
            earned: share.map(|s| (s * f64::from(weight) * 10.0).round() / 10.0),
        })
        .collect();
    let counted: u32 = parts.iter().filter(|p| p.earned.is_some()).map(|p| p.weight).sum();
    let earned: f64 = parts.iter().filter_map(|p| p.earned).sum();
    let score = (counted > 0).then(|| (100.0 * earned / f64::from(counted)).round() as u32);
    (parts, score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year() -> Year {
        Year {
            duty_days: 40,
            quota: 48,
            services: 100,
            answered: 10,
            answered_within_a_day: 9,
            mean_rating: Some(4.5),
            praise: 3,
            complaints: 1,
        }
    }

    #[test]
    fn each_part_earns_its_share_of_its_weight() {
        let (parts, score) = score(&Evaluation::default(), &Shares::of(&year()));
        let earned: Vec<Option<f64>> = parts.iter().map(|p| p.earned).collect();
        // 40 × 40/48, 20 × 1 (100 ≥ 80), 15 × 0.9, 15 × 0.9, 10 × 0.75.
        assert_eq!(earned, vec![Some(33.3), Some(20.0), Some(13.5), Some(13.5), Some(7.5)]);
        assert_eq!(score, Some(88));
    }

    #[test]
    fn a_part_with_nothing_to_measure_is_left_out_and_the_rest_count_for_the_whole() {
        let quiet =
            Year { answered: 0, answered_within_a_day: 0, mean_rating: None, praise: 0, complaints: 0, ..year() };
        let (parts, score) = score(&Evaluation::default(), &Shares::of(&quiet));
        assert_eq!(parts.iter().filter(|p| p.earned.is_none()).count(), 3);
        // (33.3 + 20) of 60.
        assert_eq!(score, Some(89));
        let nothing = Year { duty_days: 0, quota: 0, services: 0, ..quiet };
        assert_eq!(super::score(&Evaluation::default(), &Shares::of(&nothing)).1, None);
    }
}
