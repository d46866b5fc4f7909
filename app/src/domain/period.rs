//! The periods the bureau reports on: a week, a month, a quarter, a half-year.

use crate::time::LocalDate;

/// A reporting period that contains a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// January–March, April–June, July–September or October–December.
    Quarter,
    /// January–June or July–December.
    HalfYear,
}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Period; 4] = [Period::Week, Period::Month, Period::Quarter, Period::HalfYear];

    /// The first and last day of the period that contains `day`.
    pub fn around(self, day: LocalDate) -> (LocalDate, LocalDate) {
        let months = |first_month: u32, count: u32| {
            let first = LocalDate { year: day.year, month: first_month, day: 1 };
            let end_month = first_month + count;
            let next = if end_month > 12 {
                LocalDate { year: day.year + 1, month: end_month - 12, day: 1 }
            } else {
                LocalDate { year: day.year, month: end_month, day: 1 }
            };
            (first, next.plus_days(-1))
        };
        match self {
            Period::Week => {
                let monday = day.plus_days(1 - i64::from(day.weekday()));
                (monday, monday.plus_days(6))
            }
            Period::Month => months(day.month, 1),
            Period::Quarter => months((day.month - 1) / 3 * 3 + 1, 3),
            Period::HalfYear => months(if day.month <= 6 { 1 } else { 7 }, 6),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> LocalDate {
        LocalDate::parse(text).expect("date")
    }

    fn around(period: Period, day: &str) -> (String, String) {
        let (first, last) = period.around(date(day));
        (first.to_string(), last.to_string())
    }

    #[test]
    fn each_period_holds_the_day_it_is_asked_about() {
        // 2026-11-29 is a Sunday.
        assert_eq!(around(Period::Week, "2026-11-29"), ("2026-11-23".into(), "2026-11-29".into()));
        assert_eq!(around(Period::Week, "2026-11-23"), ("2026-11-23".into(), "2026-11-29".into()));
        assert_eq!(around(Period::Month, "2026-02-14"), ("2026-02-01".into(), "2026-02-28".into()));
        assert_eq!(around(Period::Quarter, "2026-11-29"), ("2026-10-01".into(), "2026-12-31".into()));
        assert_eq!(around(Period::Quarter, "2026-04-01"), ("2026-04-01".into(), "2026-06-30".into()));
        assert_eq!(around(Period::HalfYear, "2026-06-30"), ("2026-01-01".into(), "2026-06-30".into()));
        assert_eq!(around(Period::HalfYear, "2026-07-01"), ("2026-07-01".into(), "2026-12-31".into()));
    }
}
