//! Duty-days a community's monthly quota asks of a period: each month counts for the share of
//! its days inside the period, so a whole month asks its quota and half of one about half.

use app::time::LocalDate;

/// Days in the month of `date`.
fn days_in_month(date: LocalDate) -> i64 {
    let first = LocalDate { day: 1, ..date };
    let next = if date.month == 12 {
        LocalDate { year: date.year + 1, month: 1, day: 1 }
    } else {
        LocalDate { month: date.month + 1, day: 1, ..date }
    };
    next.to_days() - first.to_days()
}

/// The quota of `from..=to` for `per_month` duty-days a month, rounded to whole days.
pub fn of_period(per_month: i64, from: LocalDate, to: LocalDate) -> i64 {
    (per_month as f64 * months(from, to)).round() as i64
}

/// How many months `from..=to` is: each month counts for the share of its days inside.
pub fn months(from: LocalDate, to: LocalDate) -> f64 {
    let (mut day, mut share) = (from, 0.0f64);
    while day <= to {
        let month_end = LocalDate { day: 1, ..day }.plus_days(days_in_month(day) - 1);
        let last = if month_end < to { month_end } else { to };
        share += (last.to_days() - day.to_days() + 1) as f64 / days_in_month(day) as f64;
        day = last.plus_days(1);
    }
    share
}

/// The quota of the days of `from..=to` gone by `today` (today included).
pub fn so_far(per_month: i64, from: LocalDate, to: LocalDate, today: LocalDate) -> i64 {
    of_period(per_month, from, if today < to { today } else { to })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> LocalDate {
        LocalDate::parse(text).expect("date")
    }

    #[test]
    fn a_whole_month_asks_its_quota_and_a_quarter_three() {
        assert_eq!(of_period(8, date("2026-02-01"), date("2026-02-28")), 8);
        assert_eq!(of_period(8, date("2026-10-01"), date("2026-12-31")), 24);
        assert_eq!(of_period(8, date("2026-01-01"), date("2026-06-30")), 48);
    }

    #[test]
    fn part_of_a_month_asks_its_share() {
        // 15 of 30 days: half of 8.
        assert_eq!(of_period(8, date("2026-11-01"), date("2026-11-15")), 4);
        // A week across two months: 3/31 + 4/30 of 8 ≈ 1.85.
        assert_eq!(of_period(8, date("2026-10-29"), date("2026-11-04")), 2);
        assert_eq!(of_period(8, date("2026-11-02"), date("2026-11-01")), 0);
    }

    #[test]
    fn so_far_stops_at_today() {
        assert_eq!(so_far(8, date("2026-11-01"), date("2026-11-30"), date("2026-11-15")), 4);
        assert_eq!(so_far(8, date("2026-10-01"), date("2026-10-31"), date("2026-11-15")), 8);
        assert_eq!(so_far(8, date("2026-12-01"), date("2026-12-31"), date("2026-11-15")), 0);
    }
}
