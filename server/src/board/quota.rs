//! Duty-days a community's monthly quota asks of a period: each month counts for the share of
//! its working days inside the period, by the district calendar, so a whole month asks its quota,
//! half of its working days about half, and a week of public holidays nothing. A month without
//! a working day (no such month in practice) counts by its calendar days.

use crate::store::Store;
use app::domain::DistrictCalendar;
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

/// Month shares by the working days of the district calendar.
pub struct Quota {
    calendar: DistrictCalendar,
}

impl Quota {
    /// The shares of months by `calendar`.
    pub fn new(calendar: DistrictCalendar) -> Quota {
        Quota { calendar }
    }

    /// The shares of the months from the one holding `from` on, by the calendar as stored.
    pub async fn read(store: &Store, from: LocalDate) -> Result<Quota, sqlx::Error> {
        let calendar = crate::calendar::from(&store.pool, LocalDate { day: 1, ..from }).await?;
        Ok(Quota::new(calendar))
    }

    /// The quota of `from..=to` for `per_month` duty-days a month, rounded to whole days.
    pub fn of_period(&self, per_month: i64, from: LocalDate, to: LocalDate) -> i64 {
        (per_month as f64 * self.months(from, to)).round() as i64
    }

    /// How many months `from..=to` is: each month counts for the share of its working days inside.
    pub fn months(&self, from: LocalDate, to: LocalDate) -> f64 {
        let (mut day, mut share) = (from, 0.0f64);
        while day <= to {
            let first = LocalDate { day: 1, ..day };
            let month_end = first.plus_days(days_in_month(day) - 1);
            let last = if month_end < to { month_end } else { to };
            let all = self.working_days(first, month_end);
            share += if all == 0 {
                (last.to_days() - day.to_days() + 1) as f64 / days_in_month(day) as f64
            } else {
                self.working_days(day, last) as f64 / all as f64
            };
            day = last.plus_days(1);
        }
        share
    }

    /// The quota of the days of `from..=to` gone by `today` (today included).
    pub fn so_far(&self, per_month: i64, from: LocalDate, to: LocalDate, today: LocalDate) -> i64 {
        self.of_period(per_month, from, if today < to { today } else { to })
    }

    fn working_days(&self, from: LocalDate, to: LocalDate) -> i64 {
        (from.to_days()..=to.to_days()).filter(|d| self.calendar.is_working_day(LocalDate::from_days(*d))).count()
            as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> LocalDate {
        LocalDate::parse(text).expect("date")
    }

    /// October 2026 with the National Day holidays (1–7 off) and a make-up Saturday (the 10th).
    fn with_national_day() -> Quota {
        let mut calendar = DistrictCalendar::default();
        calendar.holidays.extend((1..=7).map(|day| LocalDate { year: 2026, month: 10, day }));
        calendar.workdays.insert(date("2026-10-10"), 3);
        Quota::new(calendar)
    }

    #[test]
    fn a_whole_month_asks_its_quota_and_a_quarter_three() {
        let quota = Quota::new(DistrictCalendar::default());
        assert_eq!(quota.of_period(8, date("2026-02-01"), date("2026-02-28")), 8);
        assert_eq!(quota.of_period(8, date("2026-10-01"), date("2026-12-31")), 24);
        assert_eq!(quota.of_period(8, date("2026-01-01"), date("2026-06-30")), 48);
        assert_eq!(with_national_day().of_period(8, date("2026-10-01"), date("2026-10-31")), 8);
    }

    #[test]
    fn part_of_a_month_asks_its_share_of_working_days() {
        let quota = Quota::new(DistrictCalendar::default());
        // November 2026 has 21 working days; the 1st to the 15th hold 10: 8 × 10/21 ≈ 3.8.
        assert_eq!(quota.of_period(8, date("2026-11-01"), date("2026-11-15")), 4);
        // A weekend asks nothing; a week across two months 2/22 + 3/21 of 8 ≈ 1.9.
        assert_eq!(quota.of_period(8, date("2026-11-07"), date("2026-11-08")), 0);
        assert_eq!(quota.of_period(8, date("2026-10-29"), date("2026-11-04")), 2);
        assert_eq!(quota.of_period(8, date("2026-11-02"), date("2026-11-01")), 0);
    }

    #[test]
    fn a_holiday_week_asks_nothing_and_a_make_up_day_asks_its_share() {
        let quota = with_national_day();
        assert_eq!(quota.of_period(8, date("2026-10-01"), date("2026-10-07")), 0);
        // October keeps 18 working days (17 weekdays after the 7th, and Saturday the 10th).
        assert!((quota.months(date("2026-10-10"), date("2026-10-10")) - 1.0 / 18.0).abs() < 1e-9);
        assert_eq!(quota.of_period(18, date("2026-10-08"), date("2026-10-11")), 3);
    }

    #[test]
    fn so_far_stops_at_today() {
        let quota = Quota::new(DistrictCalendar::default());
        assert_eq!(quota.so_far(8, date("2026-11-01"), date("2026-11-30"), date("2026-11-15")), 4);
        assert_eq!(quota.so_far(8, date("2026-10-01"), date("2026-10-31"), date("2026-11-15")), 8);
        assert_eq!(quota.so_far(8, date("2026-12-01"), date("2026-12-31"), date("2026-11-15")), 0);
    }
}
