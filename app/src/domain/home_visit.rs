//! 家门口公证: a notary visits a resident at home for a will, an inheritance or a power of
//! attorney. A will is free for a resident 65 or older on the day of the visit.

use crate::time::LocalDate;
use serde::{Deserialize, Serialize};

/// The age from which a will is made without a fee.
pub const FREE_WILL_AGE: i32 = 65;

/// What the notary comes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitMatter {
    /// 遗嘱.
    Will,
    /// 继承.
    Inheritance,
    /// 委托书.
    PowerOfAttorney,
}

stored_names!(VisitMatter { Will = "will", Inheritance = "inheritance", PowerOfAttorney = "power_of_attorney" });

/// Where a visit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    /// Booked, to come.
    Booked,
    /// The notary came and did the work.
    Done,
    /// Nobody was at home.
    NoShow,
    /// Called off by the resident or the office (with its reason).
    Cancelled,
}

stored_names!(VisitStatus { Booked = "booked", Done = "done", NoShow = "no_show", Cancelled = "cancelled" });

/// Whole years from `born` to `on` (a birthday on 29 February falls on 1 March in other years).
pub fn age_on(born: LocalDate, on: LocalDate) -> i32 {
    let before_birthday = (on.month, on.day) < (born.month, born.day);
    on.year - born.year - i32::from(before_birthday)
}

/// Whether a visit for `matter` on `on` is free for a resident born on `born`.
pub fn free_visit(matter: VisitMatter, born: LocalDate, on: LocalDate) -> bool {
    matter == VisitMatter::Will && age_on(born, on) >= FREE_WILL_AGE
}

/// A birth date as a resident states it: a real date, not after `today`, at most 130 years back.
pub fn birth_date(text: &str, today: LocalDate) -> Option<LocalDate> {
    let born = LocalDate::parse_in(text, today.year - 131..=today.year)?;
    (born <= today && age_on(born, today) <= 130).then_some(born)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> LocalDate {
        LocalDate::parse_in(s, 1800..=2100).expect("date")
    }

    #[test]
    fn a_will_is_free_from_the_sixty_fifth_birthday_on() {
        let born = date("1961-12-10");
        assert!(!free_visit(VisitMatter::Will, born, date("2026-12-09")));
        assert!(free_visit(VisitMatter::Will, born, date("2026-12-10")));
        assert!(!free_visit(VisitMatter::Inheritance, born, date("2027-01-10")), "only wills are free");
        let leap = date("1960-02-29");
        assert_eq!((age_on(leap, date("2025-02-28")), age_on(leap, date("2025-03-01"))), (64, 65));
    }

    #[test]
    fn a_birth_date_is_a_real_day_in_the_past() {
        let today = date("2026-12-05");
        assert_eq!(birth_date(" 1950-01-31 ", today), Some(date("1950-01-31")));
        for bad in ["", "1950-02-30", "2026-12-06", "1890-01-01", "31/01/1950", "1950-1-31x"] {
            assert_eq!(birth_date(bad, today), None, "{bad}");
        }
    }
}
